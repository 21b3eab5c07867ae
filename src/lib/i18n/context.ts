/**
 * The visitor's language for components: the locale layout sets it once, every component below
 * reads it with `getI18n()`.
 */
import { createContext } from 'svelte';
import type { I18n } from './translate';

const [getI18n, setI18n] = createContext<I18n>();

export { getI18n, setI18n };
