/**
 * Provider names as key context: `STRIPE_KEY`, `mailgunKey`, `Using Sendgrid Key=…`. A
 * `key` after a provider's name names a credential (the value still has to look like one).
 */
import { providerNames } from '../rules/providerNames.js';

export const PROVIDER_NAMES: ReadonlySet<string> = new Set(providerNames);
