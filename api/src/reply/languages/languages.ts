import { ar } from './ar.js';
import { cs } from './cs.js';
import { da } from './da.js';
import { de } from './de.js';
import { el } from './el.js';
import { en } from './en.js';
import { es } from './es.js';
import { et } from './et.js';
import { fi } from './fi.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { hr } from './hr.js';
import { hu } from './hu.js';
import { id } from './id.js';
import { is } from './is.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { lt } from './lt.js';
import { lv } from './lv.js';
import { nl } from './nl.js';
import { no } from './no.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
import { sk } from './sk.js';
import { sl } from './sl.js';
import { sr } from './sr.js';
import { sv } from './sv.js';
import { th } from './th.js';
import { tr } from './tr.js';
import { uk } from './uk.js';
import { vi } from './vi.js';
import type { LanguageStrings } from './language.js';
import { zhHans } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';

// Every language the extractor and the classifiers know (language.ts says what each file holds and where from).
export const LANGUAGES: readonly LanguageStrings[] = [
  en,
  de,
  fr,
  es,
  it,
  pt,
  nl,
  sv,
  da,
  no,
  fi,
  pl,
  ru,
  uk,
  cs,
  sk,
  hu,
  ro,
  tr,
  el,
  hr,
  et,
  lv,
  lt,
  sl,
  ja,
  zhHans,
  zhHant,
  ko,
  he,
  ar,
  id,
  vi,
  is,
  sr,
  th,
];
