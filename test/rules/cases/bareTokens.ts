import type { RuleCase } from '../case.js';

/**
 * Table rows for the tokens found bare by their documented shape (no key name nearby): AWS STS
 * session tokens by their fixed base64 opening, Mailgun's legacy `key-`, Airtable `pat…`, Trello
 * `ATTA…`, Discord bot tokens whose first part decodes to a numeric id, Notion `ntn_`. Each in
 * prose, as a shell argument and quoted in JSON, with near misses. All tokens are random and fake.
 */
const IQOJ = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQmTi/rh36E/NM/DYBEr7zvEnfN5EzJBtv301vCVJqYTyU3jMdkaT1mWtlZkPFlhdScFxMH2mn7PeZorOMnASxxbXgQS1SmD4rcL0SOdxXAaG/Rkl5u+QOfZyg8xg6Yl4dVv53LPVDIq0PjSLmp66PrH0VTsH2WRnej7c+ElpKmxlD5eb0wK5UGOEwxlAa0cLOKmlTqH2G/IQFsbrCDAHfD/UJNUdg+tmKSywfFuvDHUOQoj2i3gIpghx/ns4U6f4973jCtFmC9A21CcGhDVNbyx7X0igIkhGRAKUTh/hl677jvFJe7pBMwyuyaCNqscnOSA48GZVx4HNHrUg+Pr/9prl1pjygGR/3/qJqR/oM8hLwCCXszIlmjKfXJqSJG1g248M9MdTlGFcK9qrDmdMIoEm2qkIOGGACkHdC5JVH/wAc1LM79ewm1qrWyJX+7SKUksYr5m4reI5ZUISw5lpyQ4jaAPgXr8TBZASDJvKKmKo+6uXnsqsuBDBYQ8S65XqMU6ujnhYSW/CawB7uuZEncIfJQ17TKOEtlrVjCejWAuZJYfUKVXu4qcT7HKwjrAOqTxnzPgV6zr7XnbDKCavqT7yzQYmoAwaRjTICUbYKGfIUZYasaPu9xNiZ2ozCMEGdoyyYgfnDMDJwezrhPDwRWNeYqXaBAdMihZtoZ0gJlPk6iXomZgnI2C33Zt6eXAFb1o576m9N8I0zk2vNY0pY8oILqdLyTGztGVT5QTFGKruYn3fzJDDUC76NQVy4oFawiNN8z326KSvXB1yngws1sPFLt6YI4fLmgsSbcMAxsETAXKCyO7LuXf0kTWx4F9H9lsudn1MnLtltZQDbrYHyvi/61fdOgWwjO6hhbdu/SyPpt2caNe9OQ1uKScn/E9cZaTS3==';
const IQOJ_URL = IQOJ.replace(/\//g, '%2F').replace(/\+/g, '%2B').replace(/=/g, '%3D');
const FWOG = 'FwoGZXIvYXdzEBYaDbkCfx4scIdx4GpIZV4dmvKGi9SSVtorcIIKKXkEAEJ4M3AWCIOu/kJqhx/Vet2zJpwzxxZ7po7i2GbFi9t4rThVyklqQ0YqdpjD/Q/dD6OCa+ZzgNN3OIAv7gEehNejIFq68FWAe9jUDa+75BnhMWKrCikaxvY7vhagM/Q4GPcEhwSDMcnTbP2bNAxUfS0/ZWrzdIOhmwNzUDrjtWMlTaVU8fegcu4NGEGhSJVAKyvROGigfbStjS1QatbvuAu2TY7H8wwL/ejNv2GzzFUCju0Nebd+Agw+PwbvYyCrEvpO4+/0zKPwueRumokDsoOAv0biO77Q3nnVTT+6/YRAc6ag9pSZKthcOLxBxCYRg';
const FQOG = 'FQoGZXIvYXdzEOL//////////wEaDp8xYIN4yjB7U3ts9mwuLTxQYen8gvFVIksTqnsCWhAV3vAUlrOX1E86jaIsuxuLC+toup68l1236pwWwV2mdSE7ZTyLBFrZxzvpVTmO01zmxIwsgqbF3/HoCe3KUBLzzP7c4nTjukyCbRoZoYugFIYg+N+aNTfdAHftH+OssSS2nEFgpTgrrKbsikjTbgdL9J/q5MVg606Btppt5qomfZEO70RPUssIK60Rp7mV1EPjDZN6dr9z/shABlB0e3tXGUsuvrgjH9+fIZICHGJO6/bfxcuiju+LR0l2WlVqK12y04FMnirdcNKM1uCA6xeos=';

const MAILGUN = 'key-a7dde866b57ad4063511ea6d0ef1b0f2';
const AIRTABLE = 'patRHn4cBFJNhIKGY.418b64ba76b730937ec73a4bbd3dd18414d5b6876962857cd7d0f2fd47dc5695';
const TRELLO = 'ATTA89fea83538a43e83dde24aca2a476dfaf580da42b1ddb40727dd873f8065d4015BB06039';
/** base64('1187654321098765432') (19 digits) . 6 . 38: the current shape. */
const DISCORD_19 = 'MTE4NzY1NDMyMTA5ODc2NTQzMg.YiQq4H.XuehIAGWsV24w8s2IBu8dR2I0JZQkfT0vwlQVH';
/** base64('806543210987654321') (18 digits) . 6 . 27: the older HMAC length. */
const DISCORD_18 = 'ODA2NTQzMjEwOTg3NjU0MzIx.7VgpX7.v_5cthvwkd8xbsgWuvrLmhxeFjc';
const DISCORD_17 = 'ODA2NTQzMjEwOTg3NjU0MzI.f0hqAO.c102GJDiREMdFwasKmwFuxs0Jmb';
const DISCORD_20 = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.nKlXs5.Hxocvy2S0LENAwq61pg0vbknvIaCSsyx5McGuN';
const NOTION = 'ntn_P7574166675TN0WrzpcafQscNJF2g0bn49DRYrOlnKSFH3';
const NOTION_DIGITS = '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';

export const cases: readonly RuleCase[] = [
  // ---------------------------------------------------------------- aws-session-token, bare
  { rule: 'aws-session-token', text: `assumed role, credentials cached (token ${IQOJ}) expires 2024-05-01T11:00:00Z`, secret: IQOJ, note: 'bare in prose, current IQoJ form' },
  { rule: 'aws-session-token', text: `+ aws s3 cp s3://bkt/a.txt . --profile ci --sts-token '${IQOJ}'`, secret: IQOJ, note: 'shell argument' },
  { rule: 'aws-session-token', text: `{"level":"debug","creds":["ASIAXYSUA44VYD2FFBHK","${FWOG}"]}`, secret: FWOG, note: 'quoted in JSON, older FwoG form' },
  { rule: 'aws-session-token', text: `Token : ${FQOG}`, secret: FQOG, note: '2018 FQoG form' },
  { rule: 'aws-session-token', text: `GET /a.png?X-Amz-Date=20250705T081130Z&X-Amz-Security-Tokn=${IQOJ_URL}&X-Amz-Signature=b6e2 200`, secret: IQOJ_URL, note: 'URL-encoded, under a misspelt parameter' },
  { rule: 'aws-session-token', text: 'export AWS_SESSION_TOKEN="FwoGZXIvYXdzEBYaD..."', negative: true, note: 'a doc elision, far too short' },
  { rule: 'aws-session-token', text: 'sessionToken: AgoJb3JpZ2luX2VjEKP...[TRUNCATED]', negative: true },
  { rule: 'aws-session-token', text: `echo ${'IQoJb3JpZ2luX2Vj'.toLowerCase()}${FWOG.slice(12).toLowerCase()}`, negative: true, note: 'the prefix is exact-case' },
  // ---------------------------------------------------------------- mailgun legacy key, bare
  { rule: 'mailgun-private-api-token', text: `sending digest failed: 401 Unauthorized (auth with ${MAILGUN})`, secret: MAILGUN, note: 'in prose that names a credential' },
  { rule: 'mailgun-private-api-token', text: `GET cache key-${MAILGUN.slice(4)} HIT`, negative: true, note: 'a cache key: no credential named on the line' },
  { rule: 'mailgun-private-api-token', text: `idempotency key-${MAILGUN.slice(4)} reused`, negative: true },
  { rule: 'mailgun-private-api-token', text: `curl -s --user 'api:${MAILGUN}' https://api.eu.mailgun.net/v3/domains`, secret: MAILGUN, note: 'shell argument' },
  { rule: 'mailgun-private-api-token', text: `{"smtp":{"host":"smtp.eu.example.net","apiKey":"${MAILGUN}"}}`, secret: MAILGUN, note: 'quoted in JSON' },
  { rule: 'mailgun-private-api-token', text: `redis GET cache-key-${MAILGUN.slice(4)} -> nil`, negative: true, note: 'part of a longer name' },
  { rule: 'mailgun-private-api-token', text: `file=/var/lib/app/key-${MAILGUN.slice(4)}.pem`, negative: true, note: 'a path segment' },
  { rule: 'mailgun-private-api-token', text: `id=key-${MAILGUN.slice(4).toUpperCase()}`, negative: true, note: 'upper-case hex' },
  { rule: 'mailgun-private-api-token', text: `id=key-${MAILGUN.slice(4, 35)}`, negative: true, note: '31 hex' },
  { rule: 'mailgun-private-api-token', text: `lock=key-${MAILGUN.slice(4)}-v2`, negative: true, note: 'followed by more name' },
  // ---------------------------------------------------------------- airtable, bare
  { rule: 'airtable-personal-access-token', text: `sync job used token ${AIRTABLE} for base appdPvPsIUyRFS4ML`, secret: AIRTABLE, note: 'in prose that names a credential' },
  { rule: 'airtable-personal-access-token', text: `copied ${AIRTABLE} to clipboard`, negative: true, note: 'no word naming a credential on the line (PERF: the keyword pat alone made every path a candidate)' },
  { rule: 'airtable-personal-access-token', text: `npx airtable-export --token ${AIRTABLE} --base app1`, secret: AIRTABLE, note: 'shell argument' },
  { rule: 'airtable-personal-access-token', text: `{"headers":{"x-token":"${AIRTABLE}"}}`, secret: AIRTABLE, note: 'quoted in JSON' },
  { rule: 'airtable-personal-access-token', text: `patch=${AIRTABLE.slice(3, 17)}.${AIRTABLE.slice(18)}`, negative: true, note: 'no pat prefix' },
  { rule: 'airtable-personal-access-token', text: `path=/v0/patRHn4cBFJNhIKGY.json`, negative: true, note: 'not 64 hex after the dot' },
  { rule: 'airtable-personal-access-token', text: `x=${AIRTABLE.slice(0, -1)}Z`, negative: true, note: 'a non-hex character' },
  // ---------------------------------------------------------------- trello-api-token
  { rule: 'trello-api-token', text: `trello sync: using token ${TRELLO} for board 686b43ced8d30f8eb12b9d12`, secret: TRELLO, note: 'bare in prose' },
  { rule: 'trello-api-token', text: `curl "https://api.trello.com/1/members/me?key=e327cf4891fd2fcb6020899e3718c45e&token=${TRELLO}"`, secret: TRELLO, note: 'shell argument (a URL)' },
  { rule: 'trello-api-token', text: `{"trello":{"token":"${TRELLO}"}}`, secret: TRELLO, note: 'quoted in JSON' },
  { rule: 'trello-api-token', text: `TRELLO_TOKEN=ATTA1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ123456`, negative: true, note: 'not the documented shape' },
  { rule: 'trello-api-token', text: `x=${TRELLO.slice(0, 68)}${TRELLO.slice(68).toLowerCase()}`, negative: true, note: 'checksum part in lower case' },
  { rule: 'trello-api-token', text: `x=${TRELLO}0`, negative: true, note: 'too long' },
  { rule: 'trello-api-token', text: `id=ATTACHMENT_${TRELLO.slice(4, 40)}`, negative: true },
  // ---------------------------------------------------------------- discord-bot-token-bare
  { rule: 'discord-bot-token-bare', text: `bot login failed for ${DISCORD_19}: 401`, secret: DISCORD_19, note: 'bare in prose, 19-digit id, 38-char HMAC' },
  { rule: 'discord-bot-token-bare', text: `node bot.js --auth '${DISCORD_18}'`, secret: DISCORD_18, note: 'shell argument, 18 digits, 27-char HMAC' },
  { rule: 'discord-bot-token-bare', text: `{"headers":{"Authorization":"Bot ${DISCORD_17}"}}`, secret: DISCORD_17, note: 'quoted in JSON, 17 digits' },
  { rule: 'discord-bot-token-bare', text: `cfg.token=${DISCORD_20}`, secret: DISCORD_20, note: '20 digits' },
  { rule: 'discord-bot-token-bare', text: 'token MTIzNDU2Nzg5MDEyMzQ1Njd4.oPp74B.jNmmKHum6YFM0sHLja7JF3-tVzgIA3CIBTQLGj', negative: true, note: "first part is base64('12345678901234567x'): not all digits" },
  { rule: 'discord-bot-token-bare', text: 'token Mznp82RqITnGRO3GFXgHJsFBQf.X5yD9m.aJeDGbATYbAK19yYcR1dAO525SporYTEkxZGhJ', negative: true, note: 'starts with M but decodes to bytes, not digits' },
  { rule: 'discord-bot-token-bare', text: 'id MTIzNDU2Nzg5MDEyMzQ1Ng.nKlXs5.Hxocvy2S0LENAwq61pg0vbknvIaCSsyx5McGuN', negative: true, note: '16 digits: too short for a snowflake' },
  { rule: 'discord-bot-token-bare', text: 'eyJhbGciOiJIUzI1NiJ9.MTE4NzY1NDMyMTA5ODc2NTQzMg.YiQq4H.XuehIAGWsV24w8s2IBu8dR2I0JZQkfT0vwlQVH', negative: true, note: 'inside a longer dotted string' },
  { rule: 'discord-bot-token-bare', text: `x=${DISCORD_19.slice(0, 34)}.${DISCORD_19.slice(34, 60)}`, negative: true, note: 'HMAC part too short (26)' },
  { rule: 'discord-bot-token-bare', text: 'MTU=1500 NTP=ok OTA=3.2.1', negative: true, note: 'keywords without a token' },
  // ---------------------------------------------------------------- notion-api-token, widened
  { rule: 'notion-api-token', text: `notion client ready with ${NOTION} (workspace acme)`, secret: NOTION, note: 'bare in prose; opens with a letter, as published tokens do' },
  { rule: 'notion-api-token', text: `notion-cli --token ${NOTION_DIGITS} pages list`, secret: NOTION_DIGITS, note: 'shell argument' },
  { rule: 'notion-api-token', text: `{"auth":"${NOTION}"}`, secret: NOTION, note: 'quoted in JSON' },
  { rule: 'notion-api-token', text: `label for="ntn_number" class="w-full"`, negative: true, note: 'a form field' },
  { rule: 'notion-api-token', text: `x=${NOTION}abcdefg`, negative: true, note: '53 after the prefix' },
  { rule: 'notion-api-token', text: `x=${NOTION.slice(0, 40)}`, negative: true, note: '36 after the prefix' },
  { rule: 'notion-api-token', text: `x=ntn_${NOTION.slice(4, 30)}_${NOTION.slice(30)}`, negative: true, note: 'an underscore: a name' },
];
