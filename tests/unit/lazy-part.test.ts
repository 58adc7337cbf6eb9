import { describe, expect, it } from 'vitest';
import { lazyPart, PartLoadError } from '../../src/reliability/lazy-part';
import { t, withStrings } from '../../src/i18n';

describe('lazyPart: a part of the app fetched on first use', () => {
  it('fetches once, however many ask, and only when asked', async () => {
    let fetches = 0;
    const part = lazyPart('测试 Test', async () => ({ n: ++fetches }));
    expect(fetches).toBe(0);
    const [a, b] = await Promise.all([part(), part()]);
    expect(a).toBe(b);
    expect((await part()).n).toBe(1);
    expect(fetches).toBe(1);
  });

  it('says a failed fetch in both languages, naming the part, and tries again on the next use', async () => {
    let fetches = 0;
    const part = lazyPart('导入 Import', async () => {
      if (++fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    });
    const err = await part().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartLoadError);
    expect((err as Error).message).toMatch(/^导入 Import：程序未能加载，请刷新页面后重试。 .*reload the page/);
    expect((err as Error).cause).toBeInstanceOf(TypeError);
    await expect(part()).resolves.toBe('loaded');
    expect(fetches).toBe(2);
  });
});

describe('withStrings: a part keeps its own words', () => {
  const tp = withStrings({ partHello: ['你好，{name}', 'Hello, {name}'] });
  it('looks up the part\'s words, then the common ones, filling placeholders', () => {
    expect(tp('zh', 'partHello', { name: '荆州' })).toBe('你好，荆州');
    expect(tp('en', 'partHello', { name: 'Jingzhou' })).toBe('Hello, Jingzhou');
    expect(tp('zh', 'title')).toBe(t('zh', 'title'));
    expect(tp('en', 'close')).toBe(t('en', 'close'));
  });

  it('may not reuse a common key (a type error), so one key has one text', () => {
    // @ts-expect-error 'title' is a common key
    const clash = withStrings({ title: ['别的标题', 'Another title'] });
    expect(typeof clash).toBe('function');
  });
});
