import { Camera } from "lucide-react";
import { Counter } from "@/components/Counter";
import { Notify } from "@/components/Notify";
import { format } from "@/lib/format";

export default function Home() {
  return (
    <main>
      <Camera />
      <h1>{format("home")}</h1>
      <Counter />
      <Notify />
    </main>
  );
}
