/**
 * The one script of the built-in pages: passkey sign-in on the sign-in page. It runs the
 * WebAuthn ceremony against the passkey routes — a dialog when the passkey button is pressed, and
 * the browser's autofill (conditional mediation) on the `autocomplete="username webauthn"` field
 * as soon as the page loads — then follows the `{ url }` the server answers. It is static text
 * (the page's values come from `data-` attributes), admitted by its SHA-256 in the page's
 * Content-Security-Policy, with `connect-src 'self'` for its requests. It does by hand only the
 * base64url encoding the ceremony needs, so the page loads no library.
 */
export const PASSKEY_SCRIPT = `(() => {
  const form = document.getElementById("passkey-form");
  if (form === null) return;
  const alert = document.getElementById("passkey-alert");
  if (!window.PublicKeyCredential || !navigator.credentials) {
    form.hidden = true;
    return;
  }
  const data = form.dataset;
  const field = (name) => form.querySelector('input[name="' + name + '"]');
  const decode = (text) => {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64 + "===".slice((base64.length + 3) % 4)), (c) => c.charCodeAt(0));
  };
  const encode = (buffer) => {
    let text = "";
    for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte);
    return btoa(text).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  };
  const post = async (path, fields) => {
    const res = await fetch(data.authUrl + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...fields, csrfToken: field("csrfToken").value, json: true }),
    });
    return res.json().catch(() => ({}));
  };
  let controller;
  const signIn = async (mediation) => {
    if (controller) controller.abort();
    const own = (controller = new AbortController());
    const start = await post("/passkey/authentication-options", {});
    if (!start.options || own.signal.aborted) return;
    const options = start.options;
    let credential;
    try {
      credential = await navigator.credentials.get({
        mediation,
        signal: own.signal,
        publicKey: {
          challenge: decode(options.challenge),
          rpId: options.rpId,
          timeout: options.timeout,
          userVerification: options.userVerification,
          allowCredentials: [],
        },
      });
    } catch (error) {
      if (mediation !== "conditional" && error && error.name !== "AbortError") alert.hidden = false;
      return;
    }
    if (!credential) return;
    const answer = credential.response;
    const callbackUrl = field("callbackUrl");
    const done = await post("/callback/" + encodeURIComponent(data.provider), {
      ...(callbackUrl ? { callbackUrl: callbackUrl.value } : {}),
      response: {
        id: credential.id,
        rawId: encode(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment || undefined,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          clientDataJSON: encode(answer.clientDataJSON),
          authenticatorData: encode(answer.authenticatorData),
          signature: encode(answer.signature),
          userHandle: answer.userHandle ? encode(answer.userHandle) : undefined,
        },
      },
    });
    if (typeof done.url === "string") window.location.assign(done.url);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    alert.hidden = true;
    void signIn("optional");
  });
  if (PublicKeyCredential.isConditionalMediationAvailable) {
    void PublicKeyCredential.isConditionalMediationAvailable().then((available) => {
      if (available) void signIn("conditional");
    });
  }
})();`;
