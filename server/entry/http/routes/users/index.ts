export const userRoutes = [];
