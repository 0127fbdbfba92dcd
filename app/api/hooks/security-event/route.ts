// The route of features/notifications/server/hookRoute.ts (Next reads routes from app/ only).
export { POST } from "@/features/notifications/server/hookRoute";
