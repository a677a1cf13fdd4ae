import nodemailer from "nodemailer";

/** What the product sends by e-mail; only password reset links today. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** A mailer on `SMTP_URL` (such as smtp://user:pass@mail.example.com:587), or null where none is set. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}
