import { Toaster } from "sonner";
import { SaveForm } from "@/components/SaveForm";

export default function Dashboard() {
  return (
    <section>
      <SaveForm />
      <Toaster />
    </section>
  );
}
