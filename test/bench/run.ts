/**
 * `npm run bench`: prints figures and ratios measured in this run. These are not tests;
 * nothing here passes or fails on a timing.
 */
import { benchApiVsBare } from './api-vs-bare';

console.log('Đối Thoại — đo hiệu năng');
benchApiVsBare();
