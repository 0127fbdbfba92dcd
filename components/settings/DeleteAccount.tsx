import { dangerButton } from "@/components/ui/buttonStyles";

/** Account deletion: the email typed as confirmation; the route asks for a fresh sign-in first if needed. */
export function DeleteAccount({ privilegedMinutes }: { privilegedMinutes: number }) {
  return (
    <section aria-labelledby="delete-account-title" id="delete-account" className="border-t border-line pt-6">
      <h2 id="delete-account-title" className="text-lg font-semibold">
        Delete your account
      </h2>
      <p className="mt-1 text-sm text-muted">
        This deletes your account and everything in it, and signs you out on every device. It cannot be
        undone. If you signed in more than {privilegedMinutes} minutes ago, you will be asked to confirm it’s
        you first.
      </p>
      <form action="/account/delete" method="post" className="mt-3 space-y-3">
        <div className="space-y-1">
          <label htmlFor="delete-account-email" className="block text-sm font-medium">
            Type your email address to confirm
          </label>
          <input
            id="delete-account-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            className="block w-full rounded-control border border-line-strong bg-field px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <button type="submit" className={dangerButton}>
          Delete my account
        </button>
      </form>
    </section>
  );
}
