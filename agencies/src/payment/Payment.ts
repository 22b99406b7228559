import { z } from 'zod';

export const PaymentStatus = {
  Started: 'started',
  Processing: 'processing',
  Completed: 'completed',
  Failed: 'failed',
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

export const paymentMethods = ['mpay', 'bocpay', 'alipay-mo', 'unionpay', 'card'] as const;

const moneySchema = z
  .number()
  .positive()
  .max(10_000_000)
  .multipleOf(0.01, 'expected at most 2 decimals');

export const newPaymentSchema = z
  .object({
    caseRef: z.string().trim().min(1).max(100),
    amountMop: moneySchema,
    items: z
      .array(z.object({ description: z.string().trim().min(1).max(200), amountMop: moneySchema }))
      .min(1)
      .max(50),
    methods: z
      .array(z.enum(paymentMethods))
      .min(1)
      .default([...paymentMethods]),
    callbackUrl: z.url({ protocol: /^https?$/ }),
    description: z.string().max(500).optional(),
  })
  .refine(
    (p) =>
      Math.round(p.items.reduce((s, i) => s + i.amountMop, 0) * 100) ===
      Math.round(p.amountMop * 100),
    {
      message: 'amountMop must equal the sum of the items',
      path: ['amountMop'],
    },
  );
export type NewPayment = z.infer<typeof newPaymentSchema>;

export interface WebhookAttempt {
  at: string;
  httpStatus: number | null;
  error: string | null;
}

export interface Payment extends NewPayment {
  id: string;
  status: PaymentStatus;
  payUrl: string;
  method: string | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
  history: { status: PaymentStatus; at: string }[];
  webhook: { attempts: WebhookAttempt[]; state: 'none' | 'pending' | 'delivered' | 'gave-up' };
}
