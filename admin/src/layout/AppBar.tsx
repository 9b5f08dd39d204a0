import { AppBar as RaAppBar, LoadingIndicator, TitlePortal } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { LanguageSwitch } from './LanguageSwitch';

export const AppBar = () => (
    <RaAppBar
        color="secondary"
        toolbar={
            <>
                <LanguageSwitch />
                <LoadingIndicator />
            </>
        }
    >
        <Typography component="span" sx={{ fontWeight: 700, mr: 2, display: { xs: 'none', md: 'inline' } }}>
            Endringsporten
            <Box component="span" aria-hidden sx={{ mx: 1 }}>
                ·
            </Box>
        </Typography>
        <TitlePortal component="h1" />
    </RaAppBar>
);
