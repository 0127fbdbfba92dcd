import { simpleFlowRoute } from "@/components/flow/SimpleFlowPage";

const route = simpleFlowRoute("recovery");
export const generateMetadata = route.generateMetadata;
export default route.Page;
