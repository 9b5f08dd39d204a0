// Speak up on an initiative: the comment is kept with the gate it is at, and its deciders see it.
import AddCommentIcon from '@mui/icons-material/AddComment';
import { required, useTranslate } from 'react-admin';
import { NamedActionButton } from '../actions/ActionButton';
import { NoteInput } from '../actions/NoteInput';
import type { Initiative } from '../shared/types';

export const CommentButton = ({ initiative }: { initiative: Initiative }) => {
    const translate = useTranslate();
    return (
        <NamedActionButton<{ text: string }>
            name="comment"
            messages="app.comment"
            icon={<AddCommentIcon />}
            description={translate('app.comment.help', { title: initiative.title })}
            run={(dataProvider, values) => dataProvider.create('comments', { data: { initiativeId: initiative.id, text: values.text.trim() } })}
        >
            <NoteInput source="text" label="resources.comments.fields.text" validate={required()} minRows={4} testId="comment-text" />
        </NamedActionButton>
    );
};
