export { openStore, storeFiles } from './files/file-backend.ts';
