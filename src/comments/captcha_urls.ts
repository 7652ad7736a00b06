// Where each captcha provider verifies a token: fixed here, in code. No stored setting names an address the
// server sends anything to (an editor could otherwise have the captcha secret posted to a server of theirs).
// The context carries the addresses in use (src/runtime.ts: these; tests: a local stand-in). Its own module,
// importing nothing, so the context can name the type without an import cycle.

export type CaptchaVerifyUrls = Readonly<{ recaptcha: string; turnstile: string; hcaptcha: string }>;

export const VERIFY_URLS: CaptchaVerifyUrls = {
  recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
};
