export { addNamespace, createI18n, currencyMark, DEFAULT_LANGUAGE, formatAmount, formatMoney, LANGUAGES, parseMoney } from './i18n';
export type { I18n, Language, Resources } from './i18n';
export { I18nextProvider, Trans, useTranslation } from 'react-i18next';
export { problemCode, problemFields, problems, PROBLEMS_NAMESPACE, problemText } from './problems';
