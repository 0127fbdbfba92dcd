// A form of the login page's size (email, password, a hidden token, the submit button, two
// links and a language form): the floor pages' one body.
export function SignInForm({ token }) {
  return (
    <main id="main">
      <h1>Sign in</h1>
      <p>Use your email and password.</p>
      <form action="/api/submit" method="post">
        <input type="hidden" name="csrf_token" value={token} />
        <label htmlFor="identifier">Email</label>
        <input id="identifier" name="identifier" type="email" autoComplete="username webauthn" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" name="method" value="password">
          Sign in with password
        </button>
      </form>
      <p>
        <a href="/registration">Create an account</a> · <a href="/recovery">Forgot your password?</a>
      </p>
      <footer>
        <form action="/locale" method="post" aria-label="Language">
          <button type="submit" name="locale" value="en">
            English
          </button>
          <button type="submit" name="locale" value="de" lang="de">
            Deutsch
          </button>
        </form>
      </footer>
    </main>
  );
}
