import Link from "next/link";
import { Screen } from "@/components/ui/Screen";
import { linkStyle } from "@/components/ui/buttonStyles";

export default function NotFound() {
  return (
    <Screen title="Page not found">
      <p>There is nothing at this address.</p>
      <Link href="/" className={linkStyle}>
        Go to the home page
      </Link>
    </Screen>
  );
}
