import { ConfigurationServiceClientCredentialFactory, type ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { withDeadline } from '../deadline.js';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type FactoryOptions = ConstructorParameters<typeof ConfigurationServiceClientCredentialFactory>[0];

/** Microsoft's sign-in gave no token in time, so the connector was not called: the answer was not sent. */
export class SignInTimeoutError extends Error {
  readonly code = 'SIGN_IN_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`Microsoft sign-in: no token within ${timeoutMs} ms`);
    this.name = 'SignInTimeoutError';
  }
}

/**
 * The credentials botbuilder would make, with a deadline on signing each connector call. The token comes from
 * Microsoft's sign-in through msal-node, which sets no timeout: a sign-in that never answers would hold the turn.
 */
export function credentialsWithDeadline(options: FactoryOptions, timeoutMs: number): CredentialsFactory {
  const inner = new ConfigurationServiceClientCredentialFactory(options);
  return {
    isValidAppId: (appId) => inner.isValidAppId(appId),
    isAuthenticationDisabled: () => inner.isAuthenticationDisabled(),
    async createCredentials(appId, audience, loginEndpoint, validateAuthority) {
      // Declared as a string there, but an absent audience is what picks the default one, as botbuilder calls it.
      const credentials = await inner.createCredentials(appId, audience as string, loginEndpoint, validateAuthority);
      const signRequest: typeof credentials.signRequest = (resource) => withDeadline(credentials.signRequest(resource), timeoutMs, () => new SignInTimeoutError(timeoutMs));
      // A view, not a change: botbuilder hands out one shared object when authentication is off.
      return new Proxy(credentials, {
        get: (target, property) => (property === 'signRequest' ? signRequest : Reflect.get(target, property)),
      });
    },
  };
}
