import CommentIcon from '@mui/icons-material/Forum';
import { CommentList } from './CommentList';
import { CommentShow } from './CommentShow';
import { CommentForm } from './CommentForm';
import { createPage } from '../shared/pages';

export default {
    list: CommentList,
    show: CommentShow,
    create: createPage(CommentForm),
    icon: CommentIcon,
    recordRepresentation: 'text',
};
