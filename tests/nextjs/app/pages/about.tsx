import { format } from "../lib/format";

export default function About() {
  return <p>{format("about")}</p>;
}
