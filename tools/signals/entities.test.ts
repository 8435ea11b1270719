import { describe, expect, it } from 'vitest';
import { extractTickers, findTickerMentions } from './entities.ts';

describe('extractTickers', () => {
  it('finds cashtags, bare symbols and company names in order of first mention', () => {
    expect(extractTickers('Apple and $nvda rallied; MSFT lagged while JPMorgan Chase was flat')).toEqual(['AAPL', 'NVDA', 'MSFT', 'JPM']);
  });

  it('maps aliases to their symbol and reports each ticker once', () => {
    expect(extractTickers('Facebook owner Meta Platforms; $META; Google parent Alphabet; Tesla and TSLA')).toEqual(['META', 'GOOGL', 'TSLA']);
    expect(extractTickers('Flows into the SPDR S&P 500 ETF and Invesco QQQ')).toEqual(['SPY', 'QQQ']);
  });

  it('ignores common words and lower-case look-alikes', () => {
    expect(extractTickers('I ate an apple pie on the amazon river; amazing meta-analysis; spy novels; meta data')).toEqual([]);
    expect(extractTickers('The company said IT spending is ALL about AI now')).toEqual([]);
  });

  it('does not read a symbol inside a longer word or a cashtag outside the dictionary', () => {
    expect(extractTickers('SPYDER and QQQM and $XYZ')).toEqual([]);
  });

  it('takes a custom dictionary and still refuses bare common-word symbols', () => {
    const dictionary = [{ symbol: 'IT', names: ['Gartner'] }, { symbol: 'NOK', names: ['Nokia'] }];
    expect(extractTickers('Nokia (NOK) and Gartner; IT budgets', dictionary)).toEqual(['NOK', 'IT']);
    expect(extractTickers('$IT beat', dictionary)).toEqual(['IT']);
  });
});

describe('findTickerMentions', () => {
  it('says where and how each ticker was found, preferring the longest name', () => {
    expect(findTickerMentions('Meta Platforms vs $AAPL')).toEqual([
      { symbol: 'META', matched: 'Meta Platforms', index: 0, via: 'name' },
      { symbol: 'AAPL', matched: '$AAPL', index: 18, via: 'cashtag' },
    ]);
  });

  it('refuses a malformed dictionary entry and names the field', () => {
    expect(() => findTickerMentions('x', [{ symbol: 'aapl', names: ['Apple'] }])).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: { field: 'dictionary[0].symbol' } }));
    expect(() => findTickerMentions('x', [{ symbol: 'AAPL', names: [''] }])).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: { field: 'dictionary[0].names' } }));
  });
});
