// The route of features/elements/startRoute.ts (Next reads routes from app/ only).
export { GET } from "@/features/elements/startRoute";
