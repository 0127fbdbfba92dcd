// The page floor: the login form rendered on every request. Reading the request's headers
// makes the page dynamic, as the nonce CSP needs.
import { headers } from "next/headers";
import { SignInForm } from "./SignInForm";

export default async function SignIn() {
  return <SignInForm token={(await headers()).get("x-nonce") ?? ""} />;
}
