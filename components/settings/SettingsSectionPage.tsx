// One settings section (lib/policy/settingsSections.ts says which): the navigation to all of them,
// and this one's forms. A section with Kratos groups shows a settings flow filtered to them; the
// app's own sections (sessions, deletion) need none.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { UiNode } from "@ory/client-fetch";
import { LoadErrorView } from "@/components/ErrorView";
import { FlowScreen } from "@/components/flow/FlowScreen";
import { Header } from "@/components/Header";
import { NoticeFromQuery } from "@/components/NoticeFromQuery";
import { Screen } from "@/components/ui/Screen";
import { primaryButton, secondaryButton } from "@/components/ui/buttonStyles";
import { ActiveSessions } from "@/components/settings/ActiveSessions";
import { SettingsNav, statusWords } from "@/components/settings/SettingsNav";
import { DeleteAccount } from "@/features/account-deletion/DeleteAccount";
import { getConfig } from "@/lib/config";
import { validatedReturnTo } from "@/lib/http/returnTo";
import { loadFlow, param, type SearchParams } from "@/lib/http/loadFlow";
import { emailOf } from "@/lib/http/currentSession";
import { pageCredential } from "@/lib/http/credential";
import { getCredentialFacts, listMyOtherSessions, whoami } from "@/lib/kratos/client";
import {
  introKey,
  sectionStatusLines,
  settingsStatus,
  statusLineKey,
  type CredentialFacts,
} from "@/lib/kratos/settingsStatus";
import { inputName } from "@/lib/kratos/nodes";
import {
  enabledSections,
  sectionNodes,
  showsTotpSetup,
  withoutTotpSetup,
  type SettingsSection,
  type SettingsSectionId,
} from "@/lib/policy/settingsSections";
import { sessionRows, type SessionRow } from "@/lib/session/sessionList";

export async function sectionMetadata(id: SettingsSectionId): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: `${t(`sections.${id}.title`)} · ${t("title")}` };
}

/** The section, or a 404 when its feature is off. */
function servedSection(id: SettingsSectionId): { section: SettingsSection; all: SettingsSection[] } {
  const all = enabledSections(getConfig().features);
  const section = all.find((s) => s.id === id);
  if (!section) notFound();
  return { section, all };
}

/** What the navigation says of each section; none when Kratos's admin API does not answer. */
async function navStatus(
  identityId: string | undefined,
  sections: readonly SettingsSection[],
): Promise<Partial<Record<SettingsSectionId, string[]>>> {
  let facts: CredentialFacts;
  try {
    if (!identityId) return {};
    facts = await getCredentialFacts(identityId);
  } catch {
    return {};
  }
  const out: Partial<Record<SettingsSectionId, string[]>> = {};
  for (const s of sections) out[s.id] = await statusWords(sectionStatusLines(s.id, facts));
  return out;
}

/** This session and the others; null when Kratos cannot list them (the rest of the page still works). */
async function sessionList(): Promise<SessionRow[] | null> {
  const { credential } = await pageCredential();
  if (credential.type === "none") return null;
  try {
    const [current, others] = await Promise.all([whoami(credential), listMyOtherSessions(credential)]);
    return current && others ? sessionRows(current, others, getConfig().factorPolicy) : null;
  } catch {
    return null;
  }
}

/** The names of the linked providers, as Kratos labels their unlink buttons. */
function linkedProviders(nodes: readonly UiNode[]): string[] {
  return nodes.flatMap((n) => {
    if (n.group !== "oidc" || inputName(n) !== "unlink") return [];
    const context = n.meta.label?.context as { provider?: unknown } | undefined;
    const value = "value" in n.attributes ? n.attributes.value : undefined;
    const name = typeof context?.provider === "string" ? context.provider : value;
    return typeof name === "string" ? [name] : [];
  });
}

export async function SettingsSectionPage({
  id,
  searchParams,
}: {
  id: SettingsSectionId;
  searchParams: Promise<SearchParams>;
}) {
  const { section, all } = servedSection(id);
  const sp = await searchParams;
  const t = await getTranslations("settings");
  const title = t(`sections.${id}.title`);
  const subtitle = t(`sections.${id}.subtitle`);
  if (section.groups.length === 0) return <AppSection section={section} all={all} sp={sp} />;

  const returnTo = validatedReturnTo(param(sp, "return_to"));
  // A new flow comes back to this section (the BFF reads `section`; lib/policy/settingsSections.ts).
  const loaded = await loadFlow(
    "settings",
    sp,
    { return_to: returnTo, section: id === "profile" ? undefined : id },
    returnTo,
  );
  if (loaded.error) return <LoadErrorView error={loaded.error} retryHref={section.path} />;
  const { flow } = loaded;
  const status = settingsStatus(flow.ui.nodes);
  let nodes = sectionNodes(flow.ui.nodes, section);
  // The authenticator app's QR code and secret only once the person asks to set it up.
  const totpSetupAsked = id === "two-factor" && status.totp?.state !== "active";
  const totpShown = totpSetupAsked && showsTotpSetup(nodes, param(sp, "setup"));
  if (totpSetupAsked && !totpShown) nodes = withoutTotpSetup(nodes);
  const here = `${section.path}?flow=${encodeURIComponent(flow.id)}`;
  const [all_, nav] = await Promise.all([getTranslations(), navStatus(flow.identity.id, all)]);
  const providers = id === "linked-accounts" ? linkedProviders(nodes) : [];

  return (
    <FlowScreen
      header={<Header email={emailOf(flow.identity)} />}
      aside={<SettingsNav sections={all} current={id} status={nav} />}
      title={title}
      subtitle={
        <>
          <p>{subtitle}</p>
          {/* On narrow screens the navigation leaves the status out: it is here instead. */}
          {nav[id]?.length ? (
            <ul className="mt-1 sm:hidden" data-testid="section-status">
              {nav[id].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {providers.length > 0 ? (
            <p data-testid="linked-providers">
              {t("status.linkedProviders", { providers: providers.join(", ") })}
            </p>
          ) : null}
        </>
      }
      ui={{ ...flow.ui, nodes }}
      idPrefix="settings"
      notice={param(sp, "notice")}
      alerts={
        totpSetupAsked ? (
          <section aria-labelledby="totp-setup-title" data-testid="totp-setup" className="space-y-3">
            <h2 id="totp-setup-title" className="text-lg font-semibold">
              {all_("methods.totp.title")}
            </h2>
            {totpShown ? (
              <Link href={here} className={secondaryButton}>
                {t("totpSetupCancel")}
              </Link>
            ) : (
              <>
                <p className="text-sm text-muted" data-testid="status-totp">
                  {t("totpOffExplain")}
                </p>
                <Link href={`${here}&setup=totp`} className={primaryButton}>
                  {t("totpSetup")}
                </Link>
              </>
            )}
          </section>
        ) : null
      }
      forms={{
        titled: section.groups.length > 1,
        relabel: { password: t("newPassword") },
        sectionIntro: (group) => {
          const line = statusLineKey(group, status);
          if (line && all_.has(line.key))
            return (
              <p className="mb-3 text-sm text-muted" data-testid={`status-${group}`}>
                {all_(line.key, { count: line.count })}
              </p>
            );
          // A method without a setup state may say in one line what its section is for.
          const intro = introKey(group);
          return intro && all_.has(intro) ? (
            <p className="mb-3 text-sm text-muted" data-testid={`intro-${group}`}>
              {all_(intro)}
            </p>
          ) : null;
        },
      }}
    />
  );
}

/** Sessions and account deletion: the app's own sections, without a Kratos flow. */
async function AppSection({
  section,
  all,
  sp,
}: {
  section: SettingsSection;
  all: SettingsSection[];
  sp: SearchParams;
}) {
  const t = await getTranslations("settings");
  const { credential } = await pageCredential();
  const session = credential.type === "none" ? null : await whoami(credential).catch(() => null);
  const [nav, sessions] = await Promise.all([
    navStatus(session?.identity?.id, all),
    section.id === "sessions" ? sessionList() : Promise.resolve(null),
  ]);
  return (
    <Screen
      header={<Header email={emailOf(session?.identity)} />}
      aside={<SettingsNav sections={all} current={section.id} status={nav} />}
      title={t(`sections.${section.id}.title`)}
      subtitle={t(`sections.${section.id}.subtitle`)}
    >
      <NoticeFromQuery notice={param(sp, "notice")} />
      {section.id === "sessions" ? (
        <ActiveSessions rows={sessions} />
      ) : (
        <DeleteAccount privilegedMinutes={Math.round(getConfig().privilegedSessionMaxAgeSeconds / 60)} />
      )}
    </Screen>
  );
}
