// The engine's deterministic test blocks as a plugin module, for `flow --plugin` in tests.
export { testBlocksPack as default } from '@flow/engine/testing';
