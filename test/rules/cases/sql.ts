import type { RuleCase } from '../case.js';

/**
 * Table rows for `sql-password-statement`: the statements of MySQL/MariaDB, Oracle and SQL
 * Server that set a password, as query logs, shell arguments and JSON audit records carry
 * them; near misses that name no password. All passwords are made up.
 */
export const cases: readonly RuleCase[] = [
  // MySQL / MariaDB general query log
  { rule: 'sql-password-statement', text: "2024-05-01T10:00:00.123456Z\t   12 Query\tCREATE USER 'app'@'%' IDENTIFIED BY 'S3cr3t!pass'", secret: 'S3cr3t!pass', note: 'general query log' },
  { rule: 'sql-password-statement', text: "create user if not exists 'app'@'localhost' identified by 'lower#Case7'", secret: 'lower#Case7', note: 'lower case' },
  { rule: 'sql-password-statement', text: "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY 'N3wR00tPw'", secret: 'N3wR00tPw' },
  { rule: 'sql-password-statement', text: "ALTER USER 'svc'@'%' IDENTIFIED WITH 'caching_sha2_password' BY 'Sha2#Pw8' PASSWORD EXPIRE NEVER", secret: 'Sha2#Pw8' },
  { rule: 'sql-password-statement', text: "SET PASSWORD FOR 'bob'@'10.0.0.%' = 'Bob''s-Pw9'", secret: "Bob''s-Pw9", note: "'' is a quote inside the value" },
  { rule: 'sql-password-statement', text: "SET PASSWORD FOR 'bob'@'localhost' = PASSWORD('oldStyle42')", secret: 'oldStyle42' },
  { rule: 'sql-password-statement', text: "set password = old_password('legacy#41')", secret: 'legacy#41' },
  { rule: 'sql-password-statement', text: "GRANT ALL PRIVILEGES ON shop.* TO 'u'@'h' IDENTIFIED BY 'gr4ntPw' WITH GRANT OPTION", secret: 'gr4ntPw' },
  { rule: 'sql-password-statement', text: "ALTER USER 'x'@'%' IDENTIFIED BY 'back\\'slash9' PASSWORD EXPIRE", secret: "back\\'slash9", note: "MySQL's \\' escape" },
  { rule: 'sql-password-statement', text: "CREATE USER 'x'@'%' IDENTIFIED BY \"dq-Pw5\"", secret: 'dq-Pw5', note: 'MySQL double-quoted string' },
  { rule: 'sql-password-statement', text: "mysql -uroot -e \"CREATE USER 'svc'@'10.%' IDENTIFIED BY 'It''s-a-Pw9'\"", secret: "It''s-a-Pw9", note: 'shell argument' },
  { rule: 'sql-password-statement', text: '{"ts":"2024-05-01T10:00:00Z","statement":"ALTER USER \'app\'@\'%\' IDENTIFIED BY \'J$0nPw!42\'","db":"mysql"}', secret: 'J$0nPw!42', note: 'quoted in JSON' },
  { rule: 'sql-password-statement', text: "Query\tCREATE USER 'cut'@'%' IDENTIFIED BY 'truncated-Pw", secret: 'truncated-Pw', note: 'no closing quote: to the end of the line' },
  { rule: 'sql-password-statement', text: "CREATE USER 'u'@'%' IDENTIFIED BY PASSWORD '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9'", secret: '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9', note: 'pre-hashed: an unsalted SHA1(SHA1()), masked on purpose' },
  // Oracle
  { rule: 'sql-password-statement', text: 'CREATE USER scott IDENTIFIED BY tiger123 DEFAULT TABLESPACE users', secret: 'tiger123', note: 'Oracle, unquoted' },
  { rule: 'sql-password-statement', text: 'ALTER USER scott IDENTIFIED BY "Quoted#Pw3" ACCOUNT UNLOCK;', secret: 'Quoted#Pw3', note: 'Oracle, quoted' },
  { rule: 'sql-password-statement', text: 'GRANT CONNECT, RESOURCE TO app_owner IDENTIFIED BY Own3r_pw;', secret: 'Own3r_pw' },
  { rule: 'sql-password-statement', text: "CREATE DATABASE LINK rpt CONNECT TO rpt_user IDENTIFIED BY Rpt$link1 USING 'RPTDB'", secret: 'Rpt$link1' },
  { rule: 'sql-password-statement', text: 'sqlplus -s / as sysdba <<< "alter user system identified by Sys#Pw2024;"', secret: 'Sys#Pw2024', note: 'shell argument' },
  { rule: 'sql-password-statement', text: '{"sql":"CREATE USER etl IDENTIFIED BY Etl2024x"}', secret: 'Etl2024x', note: 'quoted in JSON' },
  { rule: 'sql-password-statement', text: '{"sql":"ALTER USER etl IDENTIFIED BY \\"Json#Q1\\""}', secret: 'Json#Q1', note: 'a quoted password inside JSON' },
  // SQL Server
  { rule: 'sql-password-statement', text: "CREATE LOGIN app_login WITH PASSWORD = 'Sql$erverPw1', CHECK_POLICY = OFF", secret: 'Sql$erverPw1' },
  { rule: 'sql-password-statement', text: "ALTER LOGIN sa WITH PASSWORD = N'Nvarchar#Pw2' OLD_PASSWORD = N'old#Pw1'", secret: 'Nvarchar#Pw2', note: "N'…': the N stays" },
  { rule: 'sql-password-statement', text: "ALTER LOGIN sa WITH PASSWORD = N'Nvarchar#Pw2' OLD_PASSWORD = N'old#Pw1'", secret: 'old#Pw1', note: 'the old password too' },
  { rule: 'sql-password-statement', text: "sqlcmd -Q \"CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'MasterK3y!'\"", secret: 'MasterK3y!', note: 'shell argument' },
  { rule: 'sql-password-statement', text: "CREATE LOGIN l WITH PASSWORD = 0x0200A1B2C3D4E5F60718293A4B5C6D7E8F90 HASHED", secret: '0x0200A1B2C3D4E5F60718293A4B5C6D7E8F90', note: 'a hash, masked like MySQL\'s' },
  { rule: 'sql-password-statement', text: "ALTER LOGIN app WITH PASSWORD = 'it''s 4 me'", secret: "it''s 4 me" },
  // near misses
  { rule: 'sql-password-statement', text: "CREATE USER 'u'@'%' IDENTIFIED BY ''", negative: true, note: 'empty' },
  { rule: 'sql-password-statement', text: "CREATE USER 'u'@'%' IDENTIFIED BY '?'", negative: true, note: 'bind parameter' },
  { rule: 'sql-password-statement', text: "cursor.execute(\"CREATE USER '%s'@'%%' IDENTIFIED BY '%s'\")", negative: true, note: 'format verb' },
  { rule: 'sql-password-statement', text: 'CREATE USER u IDENTIFIED BY :pw', negative: true, note: 'Oracle bind variable' },
  { rule: 'sql-password-statement', text: 'CREATE USER ops$app IDENTIFIED EXTERNALLY', negative: true },
  { rule: 'sql-password-statement', text: "CREATE USER 'r'@'%' IDENTIFIED BY RANDOM PASSWORD", negative: true, note: 'MySQL generates it' },
  { rule: 'sql-password-statement', text: 'CREATE USER %s IDENTIFIED BY %s', negative: true, note: 'format verbs, unquoted' },
  { rule: 'sql-password-statement', text: 'The client is identified by its certificate fingerprint', negative: true, note: 'prose' },
  { rule: 'sql-password-statement', text: 'request forwarded to peer identified by fingerprint AB12', negative: true, note: 'prose after "to"' },
  { rule: 'sql-password-statement', text: 'SET PASSWORD_HISTORY = 5', negative: true },
  { rule: 'sql-password-statement', text: 'ALTER LOGIN app WITH PASSWORD = @pw', negative: true, note: 'T-SQL variable' },
  { rule: 'sql-password-statement', text: "ALTER USER 'u'@'%' PASSWORD EXPIRE INTERVAL 90 DAY", negative: true },
  { rule: 'sql-password-statement', text: "Node identified by 'node-01' joined the cluster", negative: true, note: 'prose: no statement before IDENTIFIED BY' },
  { rule: 'sql-password-statement', text: 'error: resource identified by "arn:aws:s3:::my-bucket" not found', negative: true },
  { rule: 'sql-password-statement', text: "filter: WITH password = 'required' policy", negative: true, note: 'WITH PASSWORD only in CREATE/ALTER LOGIN|USER' },
  { rule: 'sql-password-statement', text: "ALTER USER CURRENT_USER() IDENTIFIED BY 'N3w-Passw0rd!'", secret: 'N3w-Passw0rd!' },
];
