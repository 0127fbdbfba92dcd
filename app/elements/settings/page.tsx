// The route of features/elements/pages/settings.tsx (Next reads routes from app/ only).
export { default, generateMetadata } from "@/features/elements/pages/settings";
