import Link from "next/link";
import { Card, PageShell } from "@/components/ui/Card";
import { linkStyle } from "@/components/ui/buttonStyles";

export default function NotFound() {
  return (
    <PageShell>
      <Card title="Page not found">
        <p>There is nothing at this address.</p>
        <Link href="/" className={linkStyle}>
          Go to the home page
        </Link>
      </Card>
    </PageShell>
  );
}
