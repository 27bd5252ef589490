-- The operator's own ledger accounts exist in every database, with fixed ids (decisions/0029): until now the first
-- money movement created them, so every movement read them back by code. Ids and codes as in
-- packages/db/src/ledger.ts (OPERATOR_ACCOUNTS); a database where they were created earlier keeps its rows.
INSERT INTO ledger_accounts (id, code, kind, name) VALUES
  ('la_clearing_acquirer', 'clearing:acquirer', 'clearing', 'Acquirer clearing'),
  ('la_clearing_vouchers', 'clearing:vouchers', 'clearing', 'Prepaid vouchers'),
  ('la_clearing_cash', 'clearing:cash', 'clearing', 'Cash desks and banks'),
  ('la_credit_promised', 'credit:promised', 'credit', 'Promised-payment credit'),
  ('la_revenue_usage', 'revenue:usage', 'revenue', 'Usage revenue'),
  ('la_revenue_fees', 'revenue:fees', 'revenue', 'Subscription fees'),
  ('la_revenue_content', 'revenue:content', 'revenue', 'Content services'),
  ('la_revenue_services', 'revenue:services', 'revenue', 'Service fees (transfers, promised payments)'),
  ('la_bonus_rewards', 'bonus:rewards', 'bonus', 'Loyalty rewards paid in money')
ON CONFLICT DO NOTHING;
