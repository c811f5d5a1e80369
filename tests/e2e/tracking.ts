import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** One line of the "Lịch sử" column of the sender's tracking view: "03 Đã tiếp nhận — 08:15:30 2/12/2026". */
export interface TrackedStatus {
  code: string;
  name: string;
  at: Date;
}

/** vi-VN `toLocaleString`: "08:15:30 2/12/2026" (the browser runs in Asia/Ho_Chi_Minh). */
function parseVietnamTime(text: string): Date | undefined {
  const m = /(\d{1,2}):(\d{2}):(\d{2}),? (\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (!m) return undefined;
  const [h, min, s, d, mo, y] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h - 7, min, s));
}

export function trackingRow(page: Page, recipient: string) {
  return page.getByRole('table', { name: 'Tình trạng từng nơi nhận' }).getByRole('row').filter({ hasText: recipient });
}

/** The business statuses the tracking view shows for one recipient, in the order shown. */
export async function shownStatuses(page: Page, recipient: string): Promise<TrackedStatus[]> {
  const lines = await trackingRow(page, recipient).getByRole('listitem').allTextContents();
  return lines.map((line) => {
    const m = /^(\d{2}) (.+?) — (.+)$/.exec(line.trim());
    const at = m ? parseVietnamTime(m[3]!) : undefined;
    if (!m || !at) throw new Error(`tracking line without code, name and time: "${line}"`);
    return { code: m[1]!, name: m[2]!, at };
  });
}

/** Reloads the tracking view ("Làm mới") until the recipient's history holds `last`; returns what it shows. */
export async function waitForStatus(page: Page, recipient: string, last: string, timeout = 60_000): Promise<TrackedStatus[]> {
  let shown: TrackedStatus[] = [];
  await expect(async () => {
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await expect(trackingRow(page, recipient).getByRole('listitem').filter({ hasText: new RegExp(`^${last} `) })).toHaveCount(1, { timeout: 1000 });
    shown = await shownStatuses(page, recipient);
  }).toPass({ timeout });
  return shown;
}

/** Times never go backwards down the list, and each is a real instant. */
export function expectInTimeOrder(statuses: TrackedStatus[]): void {
  for (const s of statuses) expect(Number.isNaN(s.at.getTime())).toBe(false);
  const times = statuses.map((s) => s.at.getTime());
  expect([...times].sort((x, y) => x - y)).toEqual(times);
}

/** A browser context of its own for another deployment (or person): its own cookies, same locale and clock zone. */
export function contextFor(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 860 } });
}
