import { DefaultTokenResolver, Lazy, StringConcat, TerraformStack, Testing, Token, Tokenization } from 'cdktf';
import { resolveOnce } from '../../stacks/resolve-once';

describe('resolveOnce', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const cdktfResolve = (value: unknown) =>
    Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });

  test('copies plain JSON without its undefined entries, as cdktf resolve does', () => {
    const value = { a: 'text ${var.x}', b: [1, undefined, true, null], c: { d: undefined, e: {} } };
    const copy = resolveOnce(stack, value);
    expect(copy).toEqual({ a: 'text ${var.x}', b: [1, true, null], c: { e: {} } });
    expect(Object.keys(copy.c as object)).toEqual(['e']);
    expect(copy).toEqual(cdktfResolve(value));
  });

  test('resolves tokens in text, lists, numbers and keys', () => {
    const name = Lazy.stringValue({ produce: () => 'resolved' });
    const value = {
      text: `prefix-${name}`,
      list: Token.asList(Lazy.anyValue({ produce: () => ['x', 'y'] })),
      number: Token.asNumber(Lazy.numberValue({ produce: () => 7 })),
      [name]: 'key',
    };
    expect(resolveOnce(stack, value)).toEqual({ text: 'prefix-resolved', list: ['x', 'y'], number: 7, resolved: 'key' });
  });

  test('resolves a number token written into text, and keeps text that only looks like a number', () => {
    const count = Token.asNumber(Lazy.numberValue({ produce: () => 3 }));
    expect(resolveOnce(stack, { text: `${count} apps` })).toEqual({ text: '3 apps' });
    const value = { name: 'Sales-e-mail 1e5 -1.8e+289 00g3e4' };
    expect(resolveOnce(stack, value)).toEqual(cdktfResolve(value));
  });
});
