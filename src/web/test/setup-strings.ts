// Component and helper tests render feature pages directly, outside the route that loads their
// strings first: register them before any test runs.
import { loadFeatureStrings } from '../lib/i18n/dictionary.js';

await loadFeatureStrings();
