// The route of features/elements/pages/registration.tsx (Next reads routes from app/ only).
export { default, generateMetadata } from "@/features/elements/pages/registration";
