import ReviewIcon from '@mui/icons-material/EventRepeat';
import { ReviewList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

export default {
    list: ReviewList,
    show: ReviewShow,
    icon: ReviewIcon,
    recordRepresentation: 'dueAt',
};
