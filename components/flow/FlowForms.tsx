import type { UiContainer } from "@ory/client-fetch";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FlowNode } from "@/components/flow/nodes/FlowNode";
import { inputName, nodeKey, sectionTitleKey, splitIntoForms } from "@/lib/kratos/nodes";

/**
 * A Kratos flow's forms. Each is a plain HTML form posting to the node's `action` (the
 * app's BFF route), so everything but WebAuthn works without JavaScript.
 * `sectionIntro` may add a line (e.g. what is set up) above a method's form.
 */
export function FlowForms({
  ui,
  idPrefix,
  titled = false,
  sectionIntro,
  relabel = {},
}: {
  ui: UiContainer;
  idPrefix: string;
  titled?: boolean;
  sectionIntro?: (group: string) => ReactNode;
  /** Labels to use instead of Kratos's, by input name. */
  relabel?: Record<string, string>;
}) {
  const t = useTranslations();
  const sections = splitIntoForms(ui.nodes);
  return (
    <div className="space-y-6">
      {sections.map((section, si) => {
        const key = sectionTitleKey(section.group);
        const title = key && t.has(key) ? t(key) : undefined;
        const headingId = `${idPrefix}-${section.group}-title`;
        return (
          <section
            key={section.group}
            aria-labelledby={titled && title ? headingId : undefined}
            data-group={section.group}
            className={titled && si > 0 ? "border-t border-line pt-6" : undefined}
          >
            {titled && title ? (
              <h2 id={headingId} className="mb-3 text-lg font-semibold">
                {title}
              </h2>
            ) : null}
            {sectionIntro?.(section.group)}
            <form
              action={ui.action}
              method={ui.method}
              className="space-y-4"
              data-testid={`form-${section.group}`}
            >
              {section.nodes.map((node, i) => (
                <FlowNode
                  key={nodeKey(node, i)}
                  node={node}
                  idPrefix={`${idPrefix}-${section.group}`}
                  label={relabel[inputName(node) ?? ""]}
                />
              ))}
            </form>
          </section>
        );
      })}
    </div>
  );
}
