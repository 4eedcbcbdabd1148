import { renderToReadableStream } from "react-dom/server.edge";
import { Counter } from "./Counter";
import { IconGallery } from "./IconGallery";
import { save } from "./actions";

export default {
  async fetch() {
    return new Response(await renderToReadableStream(<main><Counter /><IconGallery /></main>), {
      headers: { "x-save": String(save) },
    });
  },
};
