// The Ory Elements feature's part of the stacks (contract: features/README.md). With
// UI_KIT=elements, Kratos sends every flow to the kit's pages (/elements/<flow>); the error page
// stays the app's. The app reads UI_KIT too (lib/config.ts). With the feature off, the stacks
// refuse UI_KIT=elements (scripts/profiles.mjs stackChoices).
const FLOWS = ["login", "registration", "recovery", "verification", "settings"];

const feature = {
  name: "elements",
  kratos: ({ uiKit, settings }) =>
    uiKit !== "elements"
      ? undefined
      : {
          selfservice: {
            flows: Object.fromEntries(
              FLOWS.map((f) => [f, { ui_url: `${new URL(settings.appUrl).origin}/elements/${f}` }]),
            ),
          },
        },
};

export default feature;
