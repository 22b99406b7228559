import type { Payment } from './Payment';

export const payPageLanguages = ['zh-Hant', 'pt', 'en'] as const;
export type PayPageLanguage = (typeof payPageLanguages)[number];

const text: Record<PayPageLanguage, Record<string, string>> = {
  'zh-Hant': {
    title: '網上付款（模擬）',
    caseRef: '案件編號',
    amount: '金額',
    status: '狀態',
    pay: '付款',
    fail: '模擬付款失敗',
    started: '待付款',
    processing: '處理中',
    completed: '付款成功',
    failed: '付款失敗',
  },
  pt: {
    title: 'Pagamento online (simulado)',
    caseRef: 'N.º do processo',
    amount: 'Montante',
    status: 'Estado',
    pay: 'Pagar',
    fail: 'Simular falha',
    started: 'A aguardar pagamento',
    processing: 'Em processamento',
    completed: 'Pago',
    failed: 'Pagamento falhado',
  },
  en: {
    title: 'Online payment (simulated)',
    caseRef: 'Case no.',
    amount: 'Amount',
    status: 'Status',
    pay: 'Pay',
    fail: 'Simulate failure',
    started: 'Awaiting payment',
    processing: 'Processing',
    completed: 'Paid',
    failed: 'Payment failed',
  },
};

/** The provider's pay page: the citizen sees the amount and presses Pay (or Fail, for demos). */
export function payPage(payment: Payment, language: PayPageLanguage): string {
  const t = text[language];
  const label = (key: string) => escapeHtml(t[key] ?? key);
  const items = payment.items
    .map((i) => `<li>${escapeHtml(i.description)} — MOP ${formatMop(i.amountMop)}</li>`)
    .join('');
  const buttons =
    payment.status === 'started'
      ? `<form method="post" action="${escapeHtml(payment.id)}?lang=${language}">
  <button type="submit" name="action" value="pay">${label('pay')}</button>
  <button type="submit" name="action" value="fail">${label('fail')}</button>
</form>`
      : '';
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${label('title')}</title></head>
<body>
<main>
<h1>${label('title')}</h1>
<p>${label('caseRef')}: ${escapeHtml(payment.caseRef)}</p>
<ul>${items}</ul>
<p>${label('amount')}: <strong>MOP ${formatMop(payment.amountMop)}</strong></p>
<p>${label('status')}: <output id="status" data-status="${payment.status}">${label(payment.status)}</output></p>
${buttons}
</main>
</body>
</html>`;
}

function formatMop(amount: number): string {
  return amount.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
