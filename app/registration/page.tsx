import { simpleFlowRoute } from "@/components/flow/SimpleFlowPage";

const route = simpleFlowRoute("registration");
export const generateMetadata = route.generateMetadata;
export default route.Page;
