// The route of features/elements/pages/recovery.tsx (Next reads routes from app/ only).
export { default, generateMetadata } from "@/features/elements/pages/recovery";
