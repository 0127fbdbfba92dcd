// The route of features/elements/pages/login.tsx (Next reads routes from app/ only).
export { default, generateMetadata } from "@/features/elements/pages/login";
