import { Router } from 'express';
import { verifyDocument, type DocumentSink, type Verification } from '@balcao/connectors';

const text = {
  'zh-Hant': {
    title: '核實證明文件',
    code: '核實編號',
    check: '核實',
    genuine: '此證明文件真確，內容未經改動。',
    altered: '此文件與簽發的證明不符：內容已被改動。',
    unknown: '找不到此核實編號的證明文件。',
    issued: '簽發日期',
    issuer: '簽發機關',
    valid: '有效至',
    file: '上載文件以核對內容（PDF）',
  },
  pt: {
    title: 'Verificar um certificado',
    code: 'Código de verificação',
    check: 'Verificar',
    genuine: 'Este certificado é autêntico e não foi alterado.',
    altered: 'Este ficheiro não corresponde ao certificado emitido: foi alterado.',
    unknown: 'Não existe certificado com este código.',
    issued: 'Emitido em',
    issuer: 'Entidade emissora',
    valid: 'Válido até',
    file: 'Carregue o ficheiro para confirmar o conteúdo (PDF)',
  },
  en: {
    title: 'Verify a certificate',
    code: 'Verification code',
    check: 'Verify',
    genuine: 'This certificate is genuine and unaltered.',
    altered: 'This file does not match the certificate issued: it has been altered.',
    unknown: 'No certificate has this verification code.',
    issued: 'Issued',
    issuer: 'Issuer',
    valid: 'Valid until',
    file: 'Upload the file to check its content (PDF)',
  },
} as const;
type Lang = keyof typeof text;

/**
 * The public verification page a certificate's QR code points to: GET /verify?code=… shows
 * whether the code is genuine (the API beside it, /api/verify/:code, is in verifyRoutes).
 */
export function verificationRoutes(documents: DocumentSink): Router {
  const router = Router();
  router.get('/verify', async (req, res) => {
    const lang = pickLanguage(req.query.lang, req.header('accept-language'));
    const code = typeof req.query.code === 'string' ? req.query.code.slice(0, 64) : '';
    const result = code ? await verifyDocument(documents, code) : undefined;
    res.type('html').send(page(lang, code, result));
  });
  return router;
}

function pickLanguage(query: unknown, header: string | undefined): Lang {
  if (query === 'pt' || query === 'en' || query === 'zh-Hant') return query;
  const accept = (header ?? '').toLowerCase();
  if (accept.startsWith('pt')) return 'pt';
  if (accept.startsWith('en')) return 'en';
  return 'zh-Hant';
}

function page(lang: Lang, code: string, result: Verification | undefined): string {
  const t = text[lang];
  const message = !result
    ? ''
    : result.status === 'GENUINE'
      ? t.genuine
      : result.status === 'ALTERED'
        ? t.altered
        : t.unknown;
  const doc = result?.document;
  const details = doc
    ? `<dl><dt>${t.issuer}</dt><dd>${escape(doc.issuer)}</dd><dt>${t.issued}</dt><dd>${escape(doc.issuedAt)}</dd><dt>${t.valid}</dt><dd>${escape(doc.validUntil ?? '—')}</dd></dl>`
    : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}input,button{font-size:1rem;padding:.5rem}[role=status]{padding:1rem;border-radius:.5rem;border:2px solid #333}</style></head>
<body><main><h1>${t.title}</h1><nav><a href="?lang=zh-Hant${code ? `&code=${encodeURIComponent(code)}` : ''}">中文</a> · <a href="?lang=pt${code ? `&code=${encodeURIComponent(code)}` : ''}">Português</a> · <a href="?lang=en${code ? `&code=${encodeURIComponent(code)}` : ''}">English</a></nav>
<form method="get"><input type="hidden" name="lang" value="${lang}"><label for="code">${t.code}</label> <input id="code" name="code" value="${escape(code)}" autocomplete="off"> <button>${t.check}</button></form>
${message ? `<p role="status" data-status="${result!.status}">${message}</p>${details}` : ''}</main></body></html>`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
