"""The service desk's staff: accounts with roles, password + TOTP login, lockout (docs/staff.md)."""
