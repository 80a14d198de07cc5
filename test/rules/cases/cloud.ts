import type { RuleCase } from '../case.js';

/**
 * Rows for src/rules/catalog/cloud.ts. Every token below is random and fake, generated to the
 * provider's documented shape; none is a real credential.
 */
export const cases: readonly RuleCase[] = [
  // ---------------------------------------------------------------- aws-access-token
  { rule: 'aws-access-token', text: 'time=2024-05-02T10:11:12Z level=info msg="assume role" access_key_id=AKIANNBUT445YAYJFGG4 region=eu-west-1', secret: 'AKIANNBUT445YAYJFGG4' },
  { rule: 'aws-access-token', text: '{"Credentials":{"AccessKeyId":"ASIAFQVVLT6CGOPV3R47","Expiration":"2024-05-02T11:11:12Z"}}', secret: 'ASIAFQVVLT6CGOPV3R47' },
  { rule: 'aws-access-token', text: 'AWS_TOKEN=AKIALALEMEL33243OLIB', secret: 'AKIALALEMEL33243OLIB', note: 'gitleaks tp sample' },
  { rule: 'aws-access-token', text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', negative: true, note: 'AWS documentation example key' },
  { rule: 'aws-access-token', text: 'key=AKIANNBUT445YAYJFGG', negative: true, note: 'one character short' },
  { rule: 'aws-access-token', text: 'id=AKIANNBUT045YAYJFGG1 ok', negative: true, note: '0 and 1 are not base32: wrong alphabet' },
  { rule: 'aws-access-token', text: 'role id AROAQ2JNKTPVZ4JEU6NX attached', negative: true, note: 'AROA is a role unique id, not a key' },
  { rule: 'aws-access-token', text: 'TODAYINASIAASACKOFRICEFELLOVER', negative: true, note: 'ASIA inside a longer word' },
  { rule: 'aws-access-token', text: 'sts: context credential ACCADGAJGXBENYJQWX6H issued', secret: 'ACCADGAJGXBENYJQWX6H', note: 'ACCA context-specific credential (IAM unique-ID prefixes)' },
  { rule: 'aws-access-token', text: 'Authorization: Bearer ABIAH7566TFJGVQ6KBNX', secret: 'ABIAH7566TFJGVQ6KBNX', note: 'ABIA STS service bearer token' },
  { rule: 'aws-access-token', text: 'level=info msg="scheduler start" tz=Asia/Tokyo region=asia-northeast1 zone=akiachan', negative: true, note: 'Asia/asia/akia in ordinary text: no longer keywords (case-sensitive AKIA/ASIA)' },
  { rule: 'aws-access-token', text: 'probe=ACCACACCCTAAGTAACCGA primer ok', negative: true, note: 'a DNA-like run after ACCA: 4 symbols, under the 2.5-bit entropy gate' },
  { rule: 'aws-access-token', text: 'id=akiannbut445yayjfgg4', negative: true, note: 'lower case: key ids are upper case' },

  // ---------------------------------------------------------------- aws-secret-access-key
  { rule: 'aws-secret-access-key', text: 'AWS_SECRET_ACCESS_KEY=0mHGaW/FF7CliNFJuroXFlPxF4KA8R3Rsd/gwgZ6', secret: '0mHGaW/FF7CliNFJuroXFlPxF4KA8R3Rsd/gwgZ6' },
  { rule: 'aws-secret-access-key', text: '{"Credentials":{"AccessKeyId":"ASIAFQVVLT6CGOPV3R47","SecretAccessKey":"wsC8JxPq6TAl42Zo3N1W0qGJVst4hfSGHlLFYdPd"}}', secret: 'wsC8JxPq6TAl42Zo3N1W0qGJVst4hfSGHlLFYdPd' },
  { rule: 'aws-secret-access-key', text: 'aws.secretKey: "wsC8JxPq6TAl42Zo3N1W0qGJVst4hfSGHlLFYdPd"', secret: 'wsC8JxPq6TAl42Zo3N1W0qGJVst4hfSGHlLFYdPd' },
  { rule: 'aws-secret-access-key', text: 'AWS_SECRET_ACCESS_KEY=0mHGaW/FF7CliNFJuroXFlPxF4KA8R3Rsd/gwgZ', negative: true, note: '39 characters' },
  { rule: 'aws-secret-access-key', text: 'secret_key=0mHGaW/FF7CliNFJuroXFlPxF4KA8R3Rsd/gwgZ6', negative: true, note: 'no aws / secret-access-key name' },
  { rule: 'aws-secret-access-key', text: 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}', negative: true },

  // ---------------------------------------------------------------- aws-session-token
  { rule: 'aws-session-token', text: 'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE52xTbGsFt0BvG1hLyRD0LxCDUI6uiFPGFLCQw9G4Y3azXjCsZ2+Pvqw+66V6KZXvB1ebLC0MPwNNUNo+xOlzq8ML1OaZrNu6Q3CeD/XZCHzbhCrCYH0UCiZpw/9XOxwaTWvqEEOftrOwJ3ESKayyu4/YUOq52EydgAlzQc888tl1Si0MjfiN8N6lD4+qlv/oyYCAmKtW6VegjF0hTlRLRGbWiAHR+tXkq96qq1PR43E1VdIT1nLm2MXZG/nXGRiBRJkQJ2LulJr4+fjEhRxGtGN0ebkloR5RoT1p3iy3gZn8uF31S9oIvtFFPtuP3SWMTkci94IxHlsVUR+bngDAkf+DZkSI2GDNHZGe/fy1BgFwxXvcMvGJsjJtyUUK==', secret: 'IQoJb3JpZ2luX2VjE52xTbGsFt0BvG1hLyRD0LxCDUI6uiFPGFLCQw9G4Y3azXjCsZ2+Pvqw+66V6KZXvB1ebLC0MPwNNUNo+xOlzq8ML1OaZrNu6Q3CeD/XZCHzbhCrCYH0UCiZpw/9XOxwaTWvqEEOftrOwJ3ESKayyu4/YUOq52EydgAlzQc888tl1Si0MjfiN8N6lD4+qlv/oyYCAmKtW6VegjF0hTlRLRGbWiAHR+tXkq96qq1PR43E1VdIT1nLm2MXZG/nXGRiBRJkQJ2LulJr4+fjEhRxGtGN0ebkloR5RoT1p3iy3gZn8uF31S9oIvtFFPtuP3SWMTkci94IxHlsVUR+bngDAkf+DZkSI2GDNHZGe/fy1BgFwxXvcMvGJsjJtyUUK==' },
  { rule: 'aws-session-token', text: 'GET https://bucket.s3.amazonaws.com/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=IQoJb3JpZ2luX2VjE52xTbGsFt0BvG1hLyRD0LxCDUI6uiFPGFLCQw9G4Y3azXjCsZ2%2BPvqw%2B66V6KZXvB1ebLC0MPwNNUNo%2BxOlzq8ML1OaZrNu6Q3CeD%2FXZCHzbhCrCYH0UCiZpw%2F9XOxwaTWvqEEOftrOwJ3ESKayyu4%2FYUOq52EydgAlzQc888tl1Si0MjfiN8N6lD4&X-Amz-Date=20240502T101112Z 200', secret: 'IQoJb3JpZ2luX2VjE52xTbGsFt0BvG1hLyRD0LxCDUI6uiFPGFLCQw9G4Y3azXjCsZ2%2BPvqw%2B66V6KZXvB1ebLC0MPwNNUNo%2BxOlzq8ML1OaZrNu6Q3CeD%2FXZCHzbhCrCYH0UCiZpw%2F9XOxwaTWvqEEOftrOwJ3ESKayyu4%2FYUOq52EydgAlzQc888tl1Si0MjfiN8N6lD4' },
  { rule: 'aws-session-token', text: 'session_token=IQoJb3JpZ2luX2VjE52xTbGsFt0BvG1hLyRD0LxCDUI6', negative: true, note: 'far too short for an STS token' },
  { rule: 'aws-session-token', text: 'AWS_SESSION_TOKEN=<session-token>', negative: true },

  // ---------------------------------------------------------------- aws-amazon-bedrock-api-key-long-lived
  { rule: 'aws-amazon-bedrock-api-key-long-lived', text: 'export AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS1dIVby7CvsspdilPO/18CmUaRciPli0Ww3u6y0Ahp/pDW3GWbwgvA3VEwC48WGScv/CketFh64t8qVdV9W2JePXep39+PTWjh15NmJEpviBqf=', secret: 'ABSKQmVkcm9ja0FQSUtleS1dIVby7CvsspdilPO/18CmUaRciPli0Ww3u6y0Ahp/pDW3GWbwgvA3VEwC48WGScv/CketFh64t8qVdV9W2JePXep39+PTWjh15NmJEpviBqf=' },
  { rule: 'aws-amazon-bedrock-api-key-long-lived', text: 'key=ABSKQmVkcm9ja0FQSUtleS1dIVby7Cvssp', negative: true, note: 'truncated' },
  { rule: 'aws-amazon-bedrock-api-key-long-lived', text: 'AXSKQmVkcm9ja0FQSUtleS1dIVby7CvsspdilPO/18CmUaRciPli0Ww3u6y0Ahp/pDW3GWbwgvA3VEwC48WGScv/CketFh64t8qVdV9W2JePXep39+PTWjh15NmJEpviBqf=', negative: true, note: 'wrong prefix' },

  // ---------------------------------------------------------------- aws-amazon-bedrock-api-key-short-lived
  { rule: 'aws-amazon-bedrock-api-key-short-lived', text: 'Authorization: Bearer bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiHUA19yoQZ0AMYceS8geAKbAoCXOHw5RY2qBDe9UN9GS3V2YvINByNEzN3v1N+eR5ut2NTAMK00LpmPN1bDVqGihPLcGuC2uQsjq3wVZmjyhVaHTnVjYv5uswLtQAmu6NNMmZZwH6T66pCVaXAqk4XG4uYtMHm57J6I464r2rS/0TfG0mBRQxKMDDWjbYHqpxYmyqhKmrzDG08o+m/llXsyy4EIvzlO4r5k/ABotaLsGG1zkHy7U8hnd1WRN8sfnLgHWPK+MhJBDZS6VsnsP6+IRBrrkevDAFMWA6eAjNTDEUjmdmbl2fXBV226oI4vRL60ZGSg4+2FmeQSHr5ojpYD8efV/5KD2mYK1wYYGz3/pT2dxcM25CNZdW5mbMQIgl1Bwhd7f98qLRWpwkt07N7X1HbmWLQ3NxjZ4yNoJMzcAa1oY3vZ9HiZT7IWwyTYw4x40Gxcg95prg+jrGigRTUKkd9yMqPekYPlM+Yr46fbHtusA2L7vn5w30W3y4KDb2AzVF5I1ZRyMyjk/KuFpn3gq3n5QOB7qpRQ5fiibGQlXK/8qQCyW4fgkeJ44gNb6HHTamcvz4uNDVcT8RzdmRtmPw=', secret: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiHUA19yoQZ0AMYceS8geAKbAoCXOHw5RY2qBDe9UN9GS3V2YvINByNEzN3v1N+eR5ut2NTAMK00LpmPN1bDVqGihPLcGuC2uQsjq3wVZmjyhVaHTnVjYv5uswLtQAmu6NNMmZZwH6T66pCVaXAqk4XG4uYtMHm57J6I464r2rS/0TfG0mBRQxKMDDWjbYHqpxYmyqhKmrzDG08o+m/llXsyy4EIvzlO4r5k/ABotaLsGG1zkHy7U8hnd1WRN8sfnLgHWPK+MhJBDZS6VsnsP6+IRBrrkevDAFMWA6eAjNTDEUjmdmbl2fXBV226oI4vRL60ZGSg4+2FmeQSHr5ojpYD8efV/5KD2mYK1wYYGz3/pT2dxcM25CNZdW5mbMQIgl1Bwhd7f98qLRWpwkt07N7X1HbmWLQ3NxjZ4yNoJMzcAa1oY3vZ9HiZT7IWwyTYw4x40Gxcg95prg+jrGigRTUKkd9yMqPekYPlM+Yr46fbHtusA2L7vn5w30W3y4KDb2AzVF5I1ZRyMyjk/KuFpn3gq3n5QOB7qpRQ5fiibGQlXK/8qQCyW4fgkeJ44gNb6HHTamcvz4uNDVcT8RzdmRtmPw=' },
  { rule: 'aws-amazon-bedrock-api-key-short-lived', text: 'token prefix is bedrock-api-key- followed by the encoded URL', negative: true },
  { rule: 'aws-amazon-bedrock-api-key-short-lived', text: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29x', negative: true, note: 'not the encoded bedrock.amazonaws.com host' },

  // ---------------------------------------------------------------- gcp-api-key
  { rule: 'gcp-api-key', text: 'GET /maps/api/geocode/json?address=Berlin&key=AIzaSyAjZGUZZ2BgODJXvG2naPaFGZJlgChp1uT 200 31ms', secret: 'AIzaSyAjZGUZZ2BgODJXvG2naPaFGZJlgChp1uT' },
  { rule: 'gcp-api-key', text: 'firebaseConfig={"apiKey":"AIzaSyAjZGUZZ2BgODJXvG2naPaFGZJlgChp1uT","projectId":"shop-prod"}', secret: 'AIzaSyAjZGUZZ2BgODJXvG2naPaFGZJlgChp1uT' },
  { rule: 'gcp-api-key', text: 'apiKey: "AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"', negative: true, note: 'low entropy' },
  { rule: 'gcp-api-key', text: 'key=AIzaSyAjZGUZZ2BgODJXvG2naPaFGZJlgChp1u', negative: true, note: '38 characters' },
  { rule: 'gcp-api-key', text: 'key=AIzaSyAjZGUZZ2BgODJXvG2naPaFGZJlgChp1uTq', negative: true, note: '40 characters' },

  // ---------------------------------------------------------------- gcp-service-account-key-id
  { rule: 'gcp-service-account-key-id', text: '{"type": "service_account", "project_id": "shop-prod", "private_key_id": "3598805ee9b36398c8c2c1c2a70c495ba66c12ae", "client_email": "ci@shop-prod.iam.gserviceaccount.com"}', secret: '3598805ee9b36398c8c2c1c2a70c495ba66c12ae' },
  { rule: 'gcp-service-account-key-id', text: 'level=error msg="bad credentials: {\\"private_key_id\\":\\"3598805ee9b36398c8c2c1c2a70c495ba66c12ae\\"}"', secret: '3598805ee9b36398c8c2c1c2a70c495ba66c12ae' },
  { rule: 'gcp-service-account-key-id', text: '{"private_key_id": "3598805ee9b36398c8c2c1c2a70c495ba66c12"}', negative: true, note: '38 hex' },
  { rule: 'gcp-service-account-key-id', text: '{"client_id": "3598805ee9b36398c8c2c1c2a70c495ba66c12ae"}', negative: true },

  // ---------------------------------------------------------------- gcp-oauth-client-secret
  { rule: 'gcp-oauth-client-secret', text: 'oauth: client_id=8123.apps.googleusercontent.com client_secret=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', secret: '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' },
  { rule: 'gcp-oauth-client-secret', text: 'client_secret=GOCSPX-Zkz1kcmImXbAPnpfj1xrp', negative: true, note: 'truncated' },
  { rule: 'gcp-oauth-client-secret', text: 'client_secret=GOCSP-Zkz1kcmImXbAPnpfj1xrpHHRrBlg', negative: true, note: 'wrong prefix' },

  // ---------------------------------------------------------------- azure-storage-account-key
  { rule: 'azure-storage-account-key', text: 'connecting with DefaultEndpointsProtocol=https;AccountName=shopprodlogs;AccountKey=lirdsu+jsesPK5+RBYGlLMfuiWlQO5w496MWNwuH7JvsDNvoyT1c3T4V77Rtzx4bDzg8fT1RXRt4w8oQIX29UU==;EndpointSuffix=core.windows.net', secret: 'lirdsu+jsesPK5+RBYGlLMfuiWlQO5w496MWNwuH7JvsDNvoyT1c3T4V77Rtzx4bDzg8fT1RXRt4w8oQIX29UU==' },
  { rule: 'azure-storage-account-key', text: 'AccountName=shopprodlogs;AccountKey=lirdsu+jsesPK5+RBYGlLMfuiWlQO5w496MWNwuH7JvsDNvoyT1c3T4;', negative: true, note: 'too short for a 64-byte key' },
  { rule: 'azure-storage-account-key', text: 'AccountName=shopprodlogs;AccountKey=<storage-account-key>', negative: true },

  // ---------------------------------------------------------------- azure-sas-token
  { rule: 'azure-sas-token', text: 'PUT https://shopprodlogs.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&srt=o&sp=rwdlac&se=2024-06-01T00:00:00Z&spr=https&sig=4ELJRbkmROLMvctWL6qglIflt72B3u%2BkQ7Hq0FBN9%3D 201', secret: '4ELJRbkmROLMvctWL6qglIflt72B3u%2BkQ7Hq0FBN9%3D' },
  { rule: 'azure-sas-token', text: 'upload url=https://shopprodlogs.blob.core.windows.net/c/x?sig=4ELJRbkmROLMvctWL6qglIflt72B3u%2BkQ7Hq0FBN9%3D&se=2024-06-01&sp=r&sv=2022-11-02 ok', secret: '4ELJRbkmROLMvctWL6qglIflt72B3u%2BkQ7Hq0FBN9%3D', note: 'sig before sv' },
  { rule: 'azure-sas-token', text: 'GET /search?q=cats&sig=4ELJRbkmROLMvctWL6qglIflt72B3u%2BkQ7Hq0FBN9%3D 200', negative: true, note: 'no sv= service version: not a SAS' },
  { rule: 'azure-sas-token', text: 'https://a.blob.core.windows.net/c?sv=2022-11-02&sig=shortsig', negative: true },

  // ---------------------------------------------------------------- azure-ad-client-secret
  { rule: 'azure-ad-client-secret', text: 'AZURE_CLIENT_SECRET=WBX8Q~MVqN2lVQ2APaeU2-7xagvBF~PO9nGMdg4L', secret: 'WBX8Q~MVqN2lVQ2APaeU2-7xagvBF~PO9nGMdg4L' },
  { rule: 'azure-ad-client-secret', text: 'msal: token request failed client_secret="lra7Q~kT-GX_mES.EMuma5j1lqGG-cwMiq3Hd" tenant=contoso', secret: 'lra7Q~kT-GX_mES.EMuma5j1lqGG-cwMiq3Hd' },
  { rule: 'azure-ad-client-secret', text: "Create: 'dO29Q~F5-VwnW.lZdd11xFF_t5NAXCaGwDl9NbT1'", secret: 'dO29Q~F5-VwnW.lZdd11xFF_t5NAXCaGwDl9NbT1', note: 'gitleaks tp sample: version digit 9' },
  { rule: 'azure-ad-client-secret', text: 'client_secret: .IQ8Q~79R7TOWOspFnWcEG-dYt4KXqFqxK16cxr', secret: '.IQ8Q~79R7TOWOspFnWcEG-dYt4KXqFqxK16cxr', note: 'gitleaks tp sample: value starts with a dot' },
  { rule: 'azure-ad-client-secret', text: 'client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', negative: true, note: 'placeholder' },
  { rule: 'azure-ad-client-secret', text: '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', negative: true },
  { rule: 'azure-ad-client-secret', text: 'secret=WBX8Q~MVqN2lVQ2APaeU2-7xagvBF', negative: true, note: 'too short after Q~' },
  { rule: 'azure-ad-client-secret', text: 'ClientSecretCredential(tenant, appId, "PtY7Q~gjmUh~Bel31iEl2hpChYgCfrL1spNxn")', secret: 'PtY7Q~gjmUh~Bel31iEl2hpChYgCfrL1spNxn', note: '37 characters, the shortest in the Purview examples' },
  { rule: 'azure-ad-client-secret', text: 'AZURE_CLIENT_SECRET=WBX8q~MVqN2lVQ2APaeU2-7xagvBF~PO9nGMdg4L', negative: true, note: 'lower-case q~: the marker is Q~ (keywords are case-sensitive)' },

  // ---------------------------------------------------------------- azure-shared-access-key
  { rule: 'azure-shared-access-key', text: 'servicebus: Endpoint=sb://shop-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=88fHtxYeLWFhLceCCWee6majvODsSN+RSepJlud7ivR=', secret: '88fHtxYeLWFhLceCCWee6majvODsSN+RSepJlud7ivR=' },
  { rule: 'azure-shared-access-key', text: 'Endpoint=sb://shop-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=88fHtxYeLWFhLceCCWee6maj', negative: true, note: 'truncated' },
  { rule: 'azure-shared-access-key', text: 'SharedAccessKeyName=RootManageSharedAccessKey', negative: true },

  // ---------------------------------------------------------------- digitalocean
  { rule: 'digitalocean-pat', text: 'doctl: using token dop_v1_51174811a8d27782a41f64b8d3e6dc65681e014cb5f54fba8c29c7452152093d for context default', secret: 'dop_v1_51174811a8d27782a41f64b8d3e6dc65681e014cb5f54fba8c29c7452152093d' },
  { rule: 'digitalocean-pat', text: 'DIGITALOCEAN_TOKEN=dop_v1_51174811a8d27782a41f64b8d3e6dc65681e014cb5f54fba8c29c7452152093', negative: true, note: '63 hex' },
  { rule: 'digitalocean-pat', text: 'DIGITALOCEAN_TOKEN=dop_v1_51174811A8D27782A41F64B8D3E6DC65681E014CB5F54FBA8C29C7452152093D', negative: true, note: 'upper-case hex' },
  { rule: 'digitalocean-access-token', text: '{"access_token":"doo_v1_edcdd70098f5378060ca3af76ae177109b96aeb6211790783f988b704c53ef86","token_type":"bearer","expires_in":2592000}', secret: 'doo_v1_edcdd70098f5378060ca3af76ae177109b96aeb6211790783f988b704c53ef86' },
  { rule: 'digitalocean-access-token', text: 'doo_v2_edcdd70098f5378060ca3af76ae177109b96aeb6211790783f988b704c53ef86', negative: true },
  { rule: 'digitalocean-refresh-token', text: '{"refresh_token":"dor_v1_a023a82542db09671c51ec21398e3ddbac1cc4dea74e08934c5c8fe73616de19"}', secret: 'dor_v1_a023a82542db09671c51ec21398e3ddbac1cc4dea74e08934c5c8fe73616de19' },
  { rule: 'digitalocean-refresh-token', text: 'refresh=dor_v1_a023a82542db09671c51ec21398e3ddbac1cc4dea74e08934c5c8fe73616de19ab', negative: true, note: '66 hex' },

  // ---------------------------------------------------------------- heroku
  { rule: 'heroku-api-key-v2', text: 'HEROKU_API_KEY=HRKU-8W1bNFPefXe6unliGDPT77_MITM8YucXBMyIil5p5pI1pq1Yk3MoNGp4yip1', secret: 'HRKU-8W1bNFPefXe6unliGDPT77_MITM8YucXBMyIil5p5pI1pq1Yk3MoNGp4yip1' },
  { rule: 'heroku-api-key-v2', text: 'API_Key = "HRKU-AAy9Ppr_HD2pPuTyIiTYInO0hbzhoERRSO93ZQusSYHgaD7_WQ07FnF7L9FX"', secret: 'HRKU-AAy9Ppr_HD2pPuTyIiTYInO0hbzhoERRSO93ZQusSYHgaD7_WQ07FnF7L9FX', note: 'gitleaks tp sample' },
  { rule: 'heroku-api-key-v2', text: 'token HRKU-8W1bNFPefXe6unliGDPT77_MITM8YucXBMyIil5p5', negative: true, note: 'truncated' },
  { rule: 'heroku-api-key', text: 'heroku_api_key = "d6d171a3-5288-4a10-ad63-1c022437e1e8"', secret: 'd6d171a3-5288-4a10-ad63-1c022437e1e8' },
  { rule: 'heroku-api-key', text: 'level=info msg="heroku release" app_id=d6d171a3-5288-4a10-ad63-1c022437e1e8', negative: true, note: 'UUID not under a heroku key name' },
  { rule: 'heroku-api-key', text: 'HEROKU_API_KEY=d6d171a3-5288-4a10-ad63', negative: true },

  // ---------------------------------------------------------------- cloudflare
  { rule: 'cloudflare-api-key', text: 'CLOUDFLARE_API_TOKEN=QONSPKjz-17E1H5UFJ79xWyJ4-6wA981kmR4byIp', secret: 'QONSPKjz-17E1H5UFJ79xWyJ4-6wA981kmR4byIp' },
  { rule: 'cloudflare-api-key', text: 'cloudflare: "oj9Yoyq0zmOyWmPPob1aoY5YSNNuJ0fbZSOURBlX"', secret: 'oj9Yoyq0zmOyWmPPob1aoY5YSNNuJ0fbZSOURBlX', note: 'gitleaks tp sample' },
  { rule: 'cloudflare-api-key', text: 'CLOUDFLARE_API_TOKEN=QONSPKjz-17E1H5UFJ79xWyJ4-6wA981kmR4by', negative: true, note: '38 characters' },
  { rule: 'cloudflare-api-key', text: 'CLOUDFLARE_ZONE=QONSPKjz-17E1H5UFJ79xWyJ4-6wA981kmR4byIp-extra', negative: true, note: 'longer than 40' },
  { rule: 'cloudflare-global-api-key', text: 'CLOUDFLARE_GLOBAL_API_KEY: dc26040cd067d3f4b77c2f89c1ff57b8e7e80', secret: 'dc26040cd067d3f4b77c2f89c1ff57b8e7e80' },
  { rule: 'cloudflare-global-api-key', text: 'curl -H "X-Auth-Email: ops@shop.example.org" -H "X-Auth-Key: dc26040cd067d3f4b77c2f89c1ff57b8e7e80" https://api.cloudflare.com/client/v4/zones', secret: 'dc26040cd067d3f4b77c2f89c1ff57b8e7e80' },
  { rule: 'cloudflare-global-api-key', text: 'CLOUDFLARE_GLOBAL_API_KEY: dc26040cd067d3f4b77c2f89c1ff57b8e7e8', negative: true, note: '36 hex' },
  { rule: 'cloudflare-global-api-key', text: 'cloudflare_api_key = "Bu0rrK-lerk6y0Suqo1qSqlDDajOk61wZchCkje4"', negative: true, note: 'a token, not hex' },
  { rule: 'cloudflare-scannable-token', text: 'Authorization: Bearer cfut_BcvGnztiPAvDEGQjPPcxZdahltvqfCpzlTSqk04DHhvORa', secret: 'cfut_BcvGnztiPAvDEGQjPPcxZdahltvqfCpzlTSqk04DHhvORa' },
  { rule: 'cloudflare-scannable-token', text: 'CLOUDFLARE_API_KEY=cfk_ZtbC51OQf8KToRwwHJrS00zgpzEUWoWvkjS6K8RsDsxVrWam', secret: 'cfk_ZtbC51OQf8KToRwwHJrS00zgpzEUWoWvkjS6K8RsDsxVrWam' },
  { rule: 'cloudflare-scannable-token', text: 'token=cfut_BcvGnztiPAvDEGQjPPcxZdahl', negative: true, note: 'too short' },
  { rule: 'cloudflare-scannable-token', text: 'cfxt_BcvGnztiPAvDEGQjPPcxZdahltvqfCpzlTSqk04DHhvORa', negative: true, note: 'unknown prefix' },
  { rule: 'cloudflare-origin-ca-key', text: 'CLOUDFLARE_ORIGIN_CA: v1.0-f11b8a3beef7b86aa5793241-7259639b17107b9bf0dc6b33f0cb647484307259a728988c73737e0ca95dcf8f527fda135ffdf2eb2bd04ac428e7ee25439339ce07abdae37af64f1d341d86fe655b0af29f8125ece5', secret: 'v1.0-f11b8a3beef7b86aa5793241-7259639b17107b9bf0dc6b33f0cb647484307259a728988c73737e0ca95dcf8f527fda135ffdf2eb2bd04ac428e7ee25439339ce07abdae37af64f1d341d86fe655b0af29f8125ece5' },
  { rule: 'cloudflare-origin-ca-key', text: 'version v1.0-f11b8a3beef7b86aa5793241-7259639b17107b9bf0dc', negative: true, note: 'truncated' },
  { rule: 'cloudflare-origin-ca-key', text: 'building image shop-api:v1.0-SNAPSHOT from commit v1.0-rc1-3-g9f2c1ab', negative: true, note: 'version strings: v1.0- followed by a non-hex character is no longer a keyword' },

  // ---------------------------------------------------------------- alibaba
  { rule: 'alibaba-access-key-id', text: 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tk7zJIaHvDgRqFtftAv', secret: 'LTAI5tk7zJIaHvDgRqFtftAv' },
  { rule: 'alibaba-access-key-id', text: 'key id LTAI5tk7zJI', negative: true, note: 'too short' },
  { rule: 'alibaba-access-key-id', text: 'DELTAINFORMATIONSYSTEM', negative: true, note: 'LTAI inside a word' },
  { rule: 'alibaba-secret-key', text: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET=P8H3pQsQjRlMbg1LF9oDk1Lcx8GGOF', secret: 'P8H3pQsQjRlMbg1LF9oDk1Lcx8GGOF' },
  { rule: 'alibaba-secret-key', text: 'aliyun.oss.bucket=shop-prod-assets-eu-central-1x', negative: true },
  { rule: 'alibaba-secret-key', text: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET=P8H3pQsQjRlMbg1LF9oDk1Lcx8GG', negative: true, note: '28 characters' },

  // ---------------------------------------------------------------- ibm
  { rule: 'ibm-cloud-api-key', text: 'IBMCLOUD_API_KEY=MG90vxfrNdyaKlk-d2vjD2s5qjMJA5K2ZzOeW3PRw8J8', secret: 'MG90vxfrNdyaKlk-d2vjD2s5qjMJA5K2ZzOeW3PRw8J8' },
  { rule: 'ibm-cloud-api-key', text: '{"ibm_api_key": "MG90vxfrNdyaKlk-d2vjD2s5qjMJA5K2ZzOeW3PRw8J8"}', secret: 'MG90vxfrNdyaKlk-d2vjD2s5qjMJA5K2ZzOeW3PRw8J8' },
  { rule: 'ibm-cloud-api-key', text: 'IBMCLOUD_API_KEY=MG90vxfrNdyaKlk-d2vjD2s5qjMJA5K2ZzOeW3PR', negative: true, note: '40 characters' },
  { rule: 'ibm-cloud-api-key', text: 'IBMCLOUD_REGION=us-south-eu-de-eu-gb-jp-tok-au-syd-br-sao', negative: true },

  // ---------------------------------------------------------------- flyio
  { rule: 'flyio-access-token', text: 'FLY_API_TOKEN=fo1_0AB_pxtVjnoMqg8KwHDpkcCdcPodWyY_mJ38RqHdmfH', secret: 'fo1_0AB_pxtVjnoMqg8KwHDpkcCdcPodWyY_mJ38RqHdmfH' },
  { rule: 'flyio-access-token', text: 'Authorization: FlyV1 fm2_lJPEIekudUBLx8csN3J72jmb1Ci/scJllLQSqrTya9IZWBMcqj7OO/BbRtPgRB1W2xDbksPl5Z9vG8M1nqIU3W9/9LvJohndXcwmY8HALys76ygfB0CsnpLDf1/X5zDIONQi0UHMvNAz/9aXgfQ9ODLvwb2nO28SxplO==,fm2_lJPE8OVcK7vkSI41RGJHCMYhVVPaim+HZqyHooGL/CQpmULivVLTWEXWuJYDmeff=', secret: 'FlyV1 fm2_lJPEIekudUBLx8csN3J72jmb1Ci/scJllLQSqrTya9IZWBMcqj7OO/BbRtPgRB1W2xDbksPl5Z9vG8M1nqIU3W9/9LvJohndXcwmY8HALys76ygfB0CsnpLDf1/X5zDIONQi0UHMvNAz/9aXgfQ9ODLvwb2nO28SxplO==,fm2_lJPE8OVcK7vkSI41RGJHCMYhVVPaim+HZqyHooGL/CQpmULivVLTWEXWuJYDmeff=' },
  { rule: 'flyio-access-token', text: 'api_key = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', negative: true, note: 'placeholder' },
  { rule: 'flyio-access-token', text: '<input name="authenticity_token" value="7SWa-Fo1_hsC6oovfBsJFLGPUl2EhkSWPbJhWANwgaJWBDl1vxd9VNqXTNAefsJqzIRYaZEfYZLffa31rw8zJA">', negative: true, note: 'Fo1_ inside a longer token' },

  // ---------------------------------------------------------------- scaleway
  { rule: 'scaleway-secret-key', text: 'SCW_SECRET_KEY=c83e39f3-735c-47a2-aa49-6bf5aff75885', secret: 'c83e39f3-735c-47a2-aa49-6bf5aff75885' },
  { rule: 'scaleway-secret-key', text: 'SCW_DEFAULT_PROJECT_ID=c83e39f3-735c-47a2-aa49-6bf5aff75885', negative: true, note: 'project id, not the secret key' },
  { rule: 'scaleway-secret-key', text: '{"scwSecretKey": "c83e39f3-735c-47a2-aa49-6bf5aff75885"}', secret: 'c83e39f3-735c-47a2-aa49-6bf5aff75885' },
  { rule: 'scaleway-secret-key', text: 'SCALEWAY_SECRET_KEY: c83e39f3-735c-47a2-aa49-6bf5aff75885', secret: 'c83e39f3-735c-47a2-aa49-6bf5aff75885' },
  { rule: 'scaleway-secret-key', text: 'session=eyJscwQ9MX0 upload_id=c83e39f3-735c-47a2-aa49-6bf5aff75885 secret_ref=vault', negative: true, note: 'scw inside a base64 id: no longer a keyword (scw_secret…)' },

  // ---------------------------------------------------------------- linode
  { rule: 'linode-api-token', text: 'LINODE_TOKEN=ec68a4908705423decd8ba34b8fe789781460dcfb47295b43dcbaf9038f37a94', secret: 'ec68a4908705423decd8ba34b8fe789781460dcfb47295b43dcbaf9038f37a94' },
  { rule: 'linode-api-token', text: 'linode_instance_id=ec68a4908705', negative: true },
  // Long-tail provider formats (issue 12): random fake values.
  { rule: "google-oauth-access-token", text: "GET https://www.googleapis.com/drive/v3/files Authorization: Bearer ya29.a0kKn-9NDvwprQCfyqsMYScD2dgaGk3pN2xro-1PkJVRAfO1Ml7csmK6M-a8sArB7Cm47QZkrCgTwh3eBt17OBkBKgJDcBAeXj4A8jRzKg1wNL_VveMNgEcMEGabSKDm19Dot6MUWptdVSJEv7lWGMaGTAeffoRRw_", secret: "ya29.a0kKn-9NDvwprQCfyqsMYScD2dgaGk3pN2xro-1PkJVRAfO1Ml7csmK6M-a8sArB7Cm47QZkrCgTwh3eBt17OBkBKgJDcBAeXj4A8jRzKg1wNL_VveMNgEcMEGabSKDm19Dot6MUWptdVSJEv7lWGMaGTAeffoRRw_" },
  { rule: "google-oauth-access-token", text: "token_prefix=ya29. (redacted)", negative: true, note: "prefix only" },
  { rule: "google-oauth-refresh-token", text: "{\"refresh_token\": \"1//0gJmsF1OXl4oGQD79N0YkhE3saLYeG0ZiUs4vBHintjnumMOg0klteUrrgDz6j27KtbjspBsxuTpR44OUvqtgHd6J-yBx1uVKYup\", \"scope\": \"openid\"}", secret: "1//0gJmsF1OXl4oGQD79N0YkhE3saLYeG0ZiUs4vBHintjnumMOg0klteUrrgDz6j27KtbjspBsxuTpR44OUvqtgHd6J-yBx1uVKYup" },
  { rule: "google-oauth-refresh-token", text: "GET http://10.0.0.1//0iGr10mVxN3UjHJCx0korJwlHMJnHKtC2bbP1u1lY8O9Upy-io0 404", negative: true, note: "a path after a host" },
  { rule: "gcp-fcm-server-key", text: "Authorization: key=AAAARHCYuH-:APA91bW4a3BvWQbGdF463XP1x1V-bZt3kEi9nL_b7TGB0PgPnBQMIpHIn4mVCadEdsSFvc8MyugKRaV62l-kmwmZm1CkA6cnrRHHU1LrQORcHPdtL1VZjzHl_ent2c-yQy_RF7m6noUa", secret: "AAAARHCYuH-:APA91bW4a3BvWQbGdF463XP1x1V-bZt3kEi9nL_b7TGB0PgPnBQMIpHIn4mVCadEdsSFvc8MyugKRaV62l-kmwmZm1CkA6cnrRHHU1LrQORcHPdtL1VZjzHl_ent2c-yQy_RF7m6noUa" },
  { rule: "gcp-fcm-server-key", text: "registration_id=xNXS3iWBIZp5V2Ik0pVwbF:APA91bDHaXWSEjpRN_b3NQ8-CEZu5sypEjsQZ2TmFkawNLHfBSXHHten0TXDO3aBuwcaf20SR8wcDMeMo7vTkA1Tw-d3twVcjmtravw2zD31_KYpavKgMsEww2fOg2emzlFar2Of-Osa", negative: true, note: "device token, not a server key" },
  { rule: "cloudflare-tunnel-token", text: "cloudflared tunnel --no-autoupdate run --token eyJhIjoipLm4nfYQni7Pe96HB2OINVBuIpW2KwR2GlSmEurbI2dAA30n/fU3tqqwq3jlDVkLp4Zykg/13LE/sCdMVnjRL31tF1JAWj3JG/PzXIxChT9CVsqTezyD0S8QcQSVaLDksp1FBYKGWblzQkKfYPoeIBzDB8zEK0cgR5H8AbrmsF2anuLo", secret: "eyJhIjoipLm4nfYQni7Pe96HB2OINVBuIpW2KwR2GlSmEurbI2dAA30n/fU3tqqwq3jlDVkLp4Zykg/13LE/sCdMVnjRL31tF1JAWj3JG/PzXIxChT9CVsqTezyD0S8QcQSVaLDksp1FBYKGWblzQkKfYPoeIBzDB8zEK0cgR5H8AbrmsF2anuLo" },
  { rule: "cloudflare-tunnel-token", text: "eyJhIjoiYiJ9", negative: true, note: "too short" },
  { rule: "akamai-edgegrid-token", text: "client_token = akab-gn73s3opkaycl5pt-d0he0crw5fjeehg9", secret: "akab-gn73s3opkaycl5pt-d0he0crw5fjeehg9" },
  { rule: "akamai-edgegrid-token", text: "host = akab-0xnwoaobe7ce0tea-uvfqhm79gh82osm4.luna.akamaiapis.net", negative: true, note: "the API host" },
  { rule: "tencent-cloud-secret-id", text: "TENCENTCLOUD_SECRET_ID=AKIDaQTNXse4J4kJhvMGBTvzFXsSj2lmeNKW", secret: "AKIDaQTNXse4J4kJhvMGBTvzFXsSj2lmeNKW" },
  { rule: "tencent-cloud-secret-id", text: "AKIDS are acronyms too", negative: true, note: "no body" },
  { rule: "amazon-mws-auth-token", text: "MWSAuthToken=amzn.mws.301f0198-426b-0a1f-d842-67817b52f555&SellerId=A2EUQ1WTGCTBG2", secret: "amzn.mws.301f0198-426b-0a1f-d842-67817b52f555" },
  { rule: "amazon-mws-auth-token", text: "amzn.mws.endpoint=https://mws.amazonservices.com", negative: true, note: "no token" },
  { rule: "amazon-lwa-token", text: "refresh_token=Atzr|IwEBgTWNuGacGMEVGjzqKOiOQfRgNv8zNIQIMeSQyLy8icvaUCOKdOSMPlvh2xQXj4DEyd_gVh08eIS43WKNC5XvgDIME7Ja25YyDFEJu3dRTnKjm-Wn-ETVcl152-LSovjQoR3LPsjUYn24f0fUqYl7T1uj2BeOkmjO9cfxeUpJiJjw73URmjR4d0v85hIIJ578PBAhcuuf", secret: "Atzr|IwEBgTWNuGacGMEVGjzqKOiOQfRgNv8zNIQIMeSQyLy8icvaUCOKdOSMPlvh2xQXj4DEyd_gVh08eIS43WKNC5XvgDIME7Ja25YyDFEJu3dRTnKjm-Wn-ETVcl152-LSovjQoR3LPsjUYn24f0fUqYl7T1uj2BeOkmjO9cfxeUpJiJjw73URmjR4d0v85hIIJ578PBAhcuuf" },
  { rule: "amazon-lwa-token", text: "token_type=Atza| (truncated)", negative: true, note: "prefix only" },
  { rule: "openshift-user-token", text: "oc login --token=sha256~TryvXzc0ZJza6qTFOofab6A-wd9ffkqYiKP_mikCaJR --server=https://api.ocp.acme.io:6443", secret: "sha256~TryvXzc0ZJza6qTFOofab6A-wd9ffkqYiKP_mikCaJR" },
  { rule: "openshift-user-token", text: "digest sha256~abc", negative: true, note: "too short" },
  { rule: "rancher-api-token", text: "CATTLE_TOKEN=token-wa3pg:iaj5fcs2yb0nlt9czkmlf9ry7bzzc520vchlwoavamevtfzgdadsle", secret: "token-wa3pg:iaj5fcs2yb0nlt9czkmlf9ry7bzzc520vchlwoavamevtfzgdadsle" },
  { rule: "rancher-api-token", text: "token-exchange:enabled grant=token-refresh", negative: true, note: "words" },
];
