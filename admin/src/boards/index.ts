import BoardIcon from '@mui/icons-material/Groups';
import { BoardList } from './BoardList';
import { BoardShow } from './BoardShow';
import { BoardForm } from './BoardForm';
import { createPage, editPage } from '../shared/pages';

export default {
    list: BoardList,
    show: BoardShow,
    edit: editPage(BoardForm),
    create: createPage(BoardForm),
    icon: BoardIcon,
    recordRepresentation: 'name',
};
