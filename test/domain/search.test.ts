import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesAllWords } from '../../src/domain/search.ts';

const finds = (word: string, text: string) => matchesAllWords([text], [word]);

describe('foldForSearch', () => {
  it('folds width and case', () => {
    expect(foldForSearch('ＩＣＴ')).toBe('ict');
    expect(foldForSearch('Ｗｅｂ施設予約')).toBe('web施設予約');
    expect(foldForSearch('１２３')).toBe('123');
  });

  it('drops hyphens, dashes, minus signs, middle dots and spaces of every width', () => {
    for (const text of ['Wi-Fi', 'Wi－Fi', 'Wi‐Fi', 'Wi–Fi', 'Wi—Fi', 'Wi−Fi', 'Wi・Fi', 'Wi･Fi', 'Wi Fi', 'Wi　Fi', 'WiFi']) {
      expect(foldForSearch(text), text).toBe('wifi');
    }
  });

  it('drops the long vowel mark, full- and half-width', () => {
    expect(foldForSearch('サーバー')).toBe(foldForSearch('サーバ'));
    expect(foldForSearch('ｻｰﾊﾞｰ')).toBe(foldForSearch('サーバ'));
  });

  it('folds katakana and half-width katakana onto hiragana', () => {
    expect(foldForSearch('ドローン')).toBe('どろん');
    expect(foldForSearch('ﾄﾞﾛｰﾝ')).toBe('どろん');
    expect(foldForSearch('ヴァ')).toBe('ゔぁ');
    expect(foldForSearch('ひらがな')).toBe(foldForSearch('ヒラガナ'));
  });

  it('keeps kanji, digits and the wave dash of a range as they are', () => {
    expect(foldForSearch('令和3〜5年度')).toBe('令和3〜5年度');
    expect(foldForSearch('防災・防犯')).toBe('防災防犯');
  });
});

describe('matchesAllWords', () => {
  it('finds Wi-Fi by typing wifi, WIFI or ｗｉｆｉ', () => {
    const narrative = '吹田市公衆無線LAN（Wi-Fi）整備方針に従い';
    expect(finds('wifi', narrative)).toBe(true);
    expect(finds('WIFI', narrative)).toBe(true);
    expect(finds('ｗｉｆｉ', narrative)).toBe(true);
    expect(finds('wi-fi', 'WiFi')).toBe(true);
  });

  it('finds ＩＣＴ by typing ict, and ict by typing ＩＣＴ', () => {
    expect(finds('ict', '小中学校のＩＣＴ環境の充実')).toBe(true);
    expect(finds('ＩＣＴ', '市民を守るICT')).toBe(true);
  });

  it('finds katakana by typing hiragana and the other way round', () => {
    expect(finds('どろーん', 'ドローン操縦資格を持つ職員数')).toBe(true);
    expect(finds('オープンデータ', 'おーぷんでーたの推進')).toBe(true);
    expect(finds('ぷろじぇくたー', 'プロジェクター利用日数の割合')).toBe(true);
  });

  it('ignores the long vowel mark either side', () => {
    expect(finds('プロジェクタ', 'プロジェクター利用日数の割合')).toBe(true);
    expect(finds('プロジェクター', '授業でプロジェクタを利用')).toBe(true);
    expect(finds('ホームページ', 'ホームページ等における情報発信の充実')).toBe(true);
  });

  it('finds 防災・防犯 without the dot', () => {
    expect(finds('防災防犯', '防災・防犯')).toBe(true);
  });

  it('still needs every word, each in some text', () => {
    expect(matchesAllWords(['ドローン', '資格'], ['どろーん', '資格'])).toBe(true);
    expect(matchesAllWords(['ドローン', '資格'], ['どろーん', '防犯'])).toBe(false);
    expect(finds('存在しない言葉', 'ドローン')).toBe(false);
  });

  it('does not let a word span two texts now that spaces fold away', () => {
    expect(matchesAllWords(['吹田', '市'], ['吹田市'])).toBe(false);
    expect(matchesAllWords(['吹田 市'], ['吹田市'])).toBe(true);
  });

  it('skips null texts', () => {
    expect(matchesAllWords([null, 'Wi-Fi'], ['wifi'])).toBe(true);
    expect(matchesAllWords([null], ['wifi'])).toBe(false);
  });
});
