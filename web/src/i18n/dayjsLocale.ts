// antd's date pickers take month and weekday names from dayjs, which needs its own locale switch.
// dayjs comes with antd; only pages with date pickers import this module.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { getLanguage, subscribeLanguage } from './language.ts';

const apply = () => dayjs.locale(getLanguage() === 'en' ? 'en' : 'zh-cn');
apply();
subscribeLanguage(apply);
