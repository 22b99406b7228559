import type { Locale } from './locales';

/** Texts of the shared components; each app adds its own next to these. */
export const sharedMessages: Record<Locale, SharedMessages> = {
  'zh-Hant': {
    shared: {
      language: '語言',
      largeText: '放大文字',
      signIn: {
        title: '登入',
        login: '帳戶',
        password: '密碼',
        submit: '登入',
        signOut: '登出',
        failed: '帳戶或密碼不正確，請再試一次。',
      },
      errors: {
        network: '無法連接伺服器，請檢查網絡後再試。',
        generic: '發生錯誤，請稍後再試。',
        signInRequired: '請先登入。',
        notFound: '找不到所要求的資料。',
        fields: '請修正以下欄位：',
      },
      live: { connected: '即時更新已連接', offline: '即時更新已中斷，正在重新連接…' },
      loading: '載入中…',
      page: {
        previous: '上一頁',
        next: '下一頁',
        position: '第 {page} 頁，共 {pages} 頁（{total} 項）',
      },
    },
  },
  pt: {
    shared: {
      language: 'Língua',
      largeText: 'Texto grande',
      signIn: {
        title: 'Iniciar sessão',
        login: 'Conta',
        password: 'Palavra-passe',
        submit: 'Entrar',
        signOut: 'Terminar sessão',
        failed: 'Conta ou palavra-passe incorrecta. Tente de novo.',
      },
      errors: {
        network: 'Não foi possível contactar o servidor. Verifique a ligação e tente de novo.',
        generic: 'Ocorreu um erro. Tente mais tarde.',
        signInRequired: 'Inicie sessão primeiro.',
        notFound: 'Não encontrámos o que procura.',
        fields: 'Corrija os campos seguintes:',
      },
      live: {
        connected: 'Actualizações em directo ligadas',
        offline: 'Actualizações em directo interrompidas; a ligar de novo…',
      },
      loading: 'A carregar…',
      page: {
        previous: 'Anterior',
        next: 'Seguinte',
        position: 'Página {page} de {pages} ({total})',
      },
    },
  },
  en: {
    shared: {
      language: 'Language',
      largeText: 'Large text',
      signIn: {
        title: 'Sign in',
        login: 'Account',
        password: 'Password',
        submit: 'Sign in',
        signOut: 'Sign out',
        failed: 'Wrong account or password. Try again.',
      },
      errors: {
        network: 'Cannot reach the server. Check your connection and try again.',
        generic: 'Something went wrong. Try again later.',
        signInRequired: 'Sign in first.',
        notFound: 'We could not find what you asked for.',
        fields: 'Correct these fields:',
      },
      live: { connected: 'Live updates on', offline: 'Live updates interrupted; reconnecting…' },
      loading: 'Loading…',
      page: { previous: 'Previous', next: 'Next', position: 'Page {page} of {pages} ({total})' },
    },
  },
};

// A type literal (not an interface), so it fits vue-i18n's indexed message type.
export type SharedMessages = {
  shared: {
    language: string;
    largeText: string;
    signIn: {
      title: string;
      login: string;
      password: string;
      submit: string;
      signOut: string;
      failed: string;
    };
    errors: {
      network: string;
      generic: string;
      signInRequired: string;
      notFound: string;
      fields: string;
    };
    live: { connected: string; offline: string };
    loading: string;
    page: { previous: string; next: string; position: string };
  };
};
